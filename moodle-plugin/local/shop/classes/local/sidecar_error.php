<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

namespace local_shop\local;

/**
 * Why a call to the lettering service did not succeed, in terms a page can show.
 *
 * Either the service answered with one of its error codes (the code, HTTP
 * status and details it gave), or the call itself failed (unreachable, too
 * slow, an answer that is not the service's). $key names the plugin string
 * that explains it and $params fills the string's placeholders.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class sidecar_error {
    /** @var string the service's error code, or TRANSPORT_* for a failed call */
    public $code;
    /** @var int the HTTP status, 0 when there was no answer */
    public $status;
    /** @var string|null key of the plugin string that explains the error, null to use $message */
    public $key;
    /** @var array values for the string's placeholders */
    public $params;
    /** @var array details as the service gave them */
    public $details;
    /** @var string|null the message of the service, already in the user's language */
    public $message;

    /**
     * An error.
     *
     * @param string $code error code
     * @param int $status HTTP status, 0 when none
     * @param string|null $key plugin string key, null to show $message
     * @param array $params placeholder values
     * @param array $details details given by the service
     * @param string|null $message the service's own message
     */
    public function __construct(string $code, int $status, ?string $key, array $params = [], array $details = [],
            ?string $message = null) {
        $this->code = $code;
        $this->status = $status;
        $this->key = $key;
        $this->params = $params;
        $this->details = $details;
        $this->message = $message;
    }

    /**
     * Whether the call itself failed (no usable answer from the service).
     *
     * @return bool
     */
    public function is_transport(): bool {
        return strpos($this->code, 'TRANSPORT_') === 0;
    }

    /**
     * The text to show, through a string lookup (get_string in Moodle).
     *
     * @param callable $strings function (string $key, object $a): string
     * @return string
     */
    public function user_message(callable $strings): string {
        if ($this->key === null) {
            return (string) $this->message;
        }
        return $strings($this->key, (object) $this->params);
    }
}

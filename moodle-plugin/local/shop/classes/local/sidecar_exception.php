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
 * A call to the lettering service that did not succeed.
 *
 * Carries a sidecar_error; its message is the code only, never a text of the
 * service or of a library, so that nothing unexpected reaches a page.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class sidecar_exception extends \Exception {
    /** @var sidecar_error what went wrong */
    public $error;

    /**
     * Exception for an error.
     *
     * @param sidecar_error $error what went wrong
     */
    public function __construct(sidecar_error $error) {
        parent::__construct($error->code);
        $this->error = $error;
    }

    /**
     * The message to show, in the user's language.
     *
     * @return string
     */
    public function user_message(): string {
        return $this->error->user_message(function (string $key, \stdClass $a): string {
            return get_string($key, 'local_shop', $a);
        });
    }
}

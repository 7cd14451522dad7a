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
 * Turns the outcome of a call to the lettering service into success or a sidecar_error.
 *
 * The service's own errors keep their code and details and are explained by
 * the plugin's strings (the same catalog the service uses). Failures of the
 * call itself get the plugin's transport strings; no text of a library or
 * of another server ever reaches a page.
 *
 * Needs nothing from Moodle, so that it is tested on its own.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class error_mapper {
    /** @var int curl's "operation timed out" */
    private const CURLE_OPERATION_TIMEDOUT = 28;

    /** @var array service codes explained by a string of the same name, and the details they need */
    private const PLAIN_CODES = [
        'AUTH_MISSING' => [],
        'AUTH_INVALID' => [],
        'AUTH_EXPIRED' => [],
        'BILL_NOT_FOUND' => ['billid'],
        'LETTERING_DUPLICATE' => ['lettering', 'number', 'billid'],
        'LETTERING_STALE' => ['current'],
        'BODY_TOO_LARGE' => ['maxbytes'],
        'MALFORMED_BODY' => [],
        'UNSUPPORTED_MEDIA_TYPE' => [],
        'METHOD_NOT_ALLOWED' => [],
        'NOT_FOUND' => [],
        'BUSY' => [],
        'DATABASE_UNAVAILABLE' => [],
        'TIMEOUT' => [],
        'WRITE_UNCONFIRMED' => [],
        'INTERNAL' => [],
    ];

    /** @var string[] the kinds of invalid lettering the service names */
    private const VIOLATIONS = ['too_long', 'control_characters', 'invalid_characters', 'unsupported_characters'];

    /** @var string[] why a bill cannot be lettered */
    private const NOT_LETTERABLE_REASONS = ['order', 'attempt', 'unknown_status'];

    /**
     * Decodes an answer of the service.
     *
     * @param int $errno curl's error number, 0 when the call went through
     * @param int $status the HTTP status, 0 when there was no answer
     * @param string $body the body of the answer
     * @return array [array|null $data, sidecar_error|null $error]: exactly one is null
     */
    public static function decode(int $errno, int $status, string $body): array {
        if ($errno === self::CURLE_OPERATION_TIMEDOUT) {
            return [null, new sidecar_error('TRANSPORT_TIMEOUT', 0, 'transport_timeout')];
        }
        if ($errno !== 0 || $status === 0) {
            return [null, new sidecar_error('TRANSPORT_UNREACHABLE', 0, 'transport_unreachable')];
        }
        $json = json_decode($body, true);
        if (!is_array($json)) {
            if ($status >= 500) {
                return [null, new sidecar_error('TRANSPORT_SERVER_ERROR', $status, 'transport_servererror')];
            }
            return [null, new sidecar_error('TRANSPORT_BAD_RESPONSE', $status, 'transport_badresponse')];
        }
        if ($status >= 200 && $status < 300) {
            return [$json, null];
        }
        if (!isset($json['error']) || !is_array($json['error']) || !isset($json['error']['code'])
                || !is_string($json['error']['code'])) {
            $code = $status >= 500 ? 'TRANSPORT_SERVER_ERROR' : 'TRANSPORT_BAD_RESPONSE';
            return [null, new sidecar_error($code, $status, $status >= 500 ? 'transport_servererror' : 'transport_badresponse')];
        }
        return [null, self::service_error($status, $json['error'])];
    }

    /**
     * The sidecar_error for an error the service answered with.
     *
     * @param int $status HTTP status
     * @param array $error the "error" object of the answer
     * @return sidecar_error
     */
    public static function service_error(int $status, array $error): sidecar_error {
        $code = $error['code'];
        $details = isset($error['details']) && is_array($error['details']) ? $error['details'] : [];
        $message = isset($error['message']) && is_string($error['message']) && $error['message'] !== ''
            ? $error['message'] : null;

        if (isset(self::PLAIN_CODES[$code])) {
            return new sidecar_error($code, $status, 'error_' . strtolower($code),
                self::params($details, self::PLAIN_CODES[$code]), $details, $message);
        }
        if ($code === 'LETTERING_INVALID') {
            $violation = $details['violation'] ?? null;
            if (in_array($violation, self::VIOLATIONS, true)) {
                return new sidecar_error($code, $status, 'error_lettering_' . $violation,
                    self::params($details, ['maxlength']), $details, $message);
            }
        }
        if ($code === 'BILL_NOT_LETTERABLE') {
            $reason = $details['reason'] ?? null;
            if (in_array($reason, self::NOT_LETTERABLE_REASONS, true)) {
                return new sidecar_error($code, $status, 'error_not_letterable_' . $reason,
                    self::params($details, ['status']), $details, $message);
            }
        }
        // Validation messages carry a translated reason only the service knows: show its message.
        if ($message !== null && $status < 500) {
            return new sidecar_error($code, $status, null, [], $details, $message);
        }
        if ($status >= 500) {
            return new sidecar_error($code, $status, 'transport_servererror', [], $details, $message);
        }
        return new sidecar_error($code, $status, 'transport_badresponse', [], $details, $message);
    }

    /**
     * Placeholder values from the details: scalars only, each named one present.
     *
     * @param array $details details of the error
     * @param string[] $names the placeholders the string uses
     * @return array
     */
    private static function params(array $details, array $names): array {
        $params = [];
        foreach ($names as $name) {
            $value = $details[$name] ?? '';
            $params[$name] = is_scalar($value) ? (string) $value : '';
        }
        return $params;
    }
}

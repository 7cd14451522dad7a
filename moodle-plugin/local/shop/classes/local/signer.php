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
 * Signs requests to the lettering service as it requires.
 *
 * The signature is a lowercase hex HMAC-SHA256, under the shared secret, of
 * seven lines: the scheme, the method, the path with its query string exactly
 * as sent, the timestamp, the acting user id, the Accept-Language header as
 * sent, and the hex SHA-256 of the body. Any change to one of them after
 * signing makes the service refuse the request.
 *
 * Needs nothing from Moodle, so that it is tested on its own.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class signer {
    /** @var string the first line of the signed text */
    public const SCHEME = 'LETTERING-HMAC-SHA256';

    /** @var string the shared secret */
    private $secret;

    /**
     * Signer with a shared secret.
     *
     * @param string $secret the secret the service was started with
     */
    public function __construct(string $secret) {
        $this->secret = $secret;
    }

    /**
     * The text that is signed.
     *
     * @param string $method HTTP method
     * @param string $pathwithquery path and query string as sent, e.g. /v1/bills?status=COMPLETE
     * @param string $timestamp Unix time in seconds
     * @param string $userid id of the acting Moodle user
     * @param string $language the Accept-Language header as sent, '' when none
     * @param string $body the request body, '' when none
     * @return string
     */
    public static function canonical(string $method, string $pathwithquery, string $timestamp, string $userid,
            string $language, string $body): string {
        return implode("\n", [
            self::SCHEME,
            strtoupper($method),
            $pathwithquery,
            $timestamp,
            $userid,
            $language,
            hash('sha256', $body),
        ]);
    }

    /**
     * The signature of a request.
     *
     * @param string $method HTTP method
     * @param string $pathwithquery path and query string as sent
     * @param string $timestamp Unix time in seconds
     * @param string $userid id of the acting Moodle user
     * @param string $language the Accept-Language header as sent
     * @param string $body the request body
     * @return string lowercase hex
     */
    public function sign(string $method, string $pathwithquery, string $timestamp, string $userid,
            string $language, string $body): string {
        return hash_hmac('sha256', self::canonical($method, $pathwithquery, $timestamp, $userid, $language, $body),
            $this->secret);
    }

    /**
     * The headers of a signed request, as "Name: value" lines.
     *
     * @param string $method HTTP method
     * @param string $pathwithquery path and query string as sent
     * @param int $userid id of the acting Moodle user
     * @param string $language the language asked for, '' for none
     * @param string $body the request body, '' for none
     * @param int $now the current Unix time
     * @return string[]
     */
    public function headers(string $method, string $pathwithquery, int $userid, string $language, string $body,
            int $now): array {
        $timestamp = (string) $now;
        $headers = [
            'X-Lettering-Timestamp: ' . $timestamp,
            'X-Lettering-User: ' . $userid,
            'X-Lettering-Signature: ' . $this->sign($method, $pathwithquery, $timestamp, (string) $userid, $language, $body),
        ];
        if ($language !== '') {
            $headers[] = 'Accept-Language: ' . $language;
        }
        if ($body !== '') {
            $headers[] = 'Content-Type: application/json';
        }
        return $headers;
    }
}

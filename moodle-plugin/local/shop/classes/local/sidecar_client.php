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
 * The one way the plugin talks to the lettering service.
 *
 * Every /v1 call is signed (see signer) with the acting user's id and the
 * user's language, and sent with Moodle's curl class to the address set by
 * the administrator. Moodle's HTTP security settings block local addresses by
 * default; the service usually runs beside Moodle on 127.0.0.1, so the
 * security helper is bypassed for this one configured address only, which
 * users cannot change.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class sidecar_client {
    /** @var int seconds a call may take when the setting is empty */
    public const DEFAULT_TIMEOUT = 10;

    /** @var string the service's address, without trailing slash */
    private $baseurl;
    /** @var string the shared secret */
    private $secret;
    /** @var int seconds a call may take */
    private $timeout;
    /** @var int id of the acting user */
    private $userid;
    /** @var string the Accept-Language header sent */
    private $language;

    /**
     * A client.
     *
     * @param string $baseurl the service's address, e.g. http://127.0.0.1:8787
     * @param string $secret the shared secret
     * @param int $timeout seconds a call may take
     * @param int $userid id of the acting user
     * @param string $language Moodle language code of the user, e.g. fr
     */
    public function __construct(string $baseurl, string $secret, int $timeout, int $userid, string $language) {
        $this->baseurl = rtrim(trim($baseurl), '/');
        $this->secret = $secret;
        $this->timeout = $timeout > 0 ? $timeout : self::DEFAULT_TIMEOUT;
        $this->userid = $userid;
        $this->language = str_replace('_', '-', $language);
    }

    /**
     * A client configured by the site's settings, acting as the current user in the current language.
     *
     * @return self
     */
    public static function for_current_user(): self {
        global $USER;
        $config = get_config('local_shop');
        return new self((string) ($config->sidecarurl ?? ''), (string) ($config->sidecarsecret ?? ''),
            (int) ($config->sidecartimeout ?? self::DEFAULT_TIMEOUT), (int) $USER->id, current_language());
    }

    /**
     * Whether the address and the secret are set.
     *
     * @return bool
     */
    public function is_configured(): bool {
        return preg_match('~^https?://[^/?#\s]+$~i', $this->baseurl) === 1 && $this->secret !== '';
    }

    /**
     * A page of bills, newest first.
     *
     * @param array $filters status, lettered, q, cursor, limit (as the API names them)
     * @return array {items, nextCursor, limit}
     */
    public function list_bills(array $filters): array {
        return $this->call('GET', '/v1/bills', $filters);
    }

    /**
     * Bills per status for the tabs.
     *
     * @param array $filters lettered, q
     * @return array {statuses, groups}
     */
    public function count_bills(array $filters): array {
        return $this->call('GET', '/v1/bills/counts', $filters);
    }

    /**
     * One bill with its customer and lines.
     *
     * @param int $billid
     * @return array the bill
     */
    public function get_bill(int $billid): array {
        $answer = $this->call('GET', '/v1/bills/' . $billid);
        return is_array($answer['bill'] ?? null) ? $answer['bill'] : [];
    }

    /**
     * Sets, changes or (with '') clears the lettering of a bill.
     *
     * @param int $billid
     * @param string $lettering the value typed
     * @param string|null $expected the value the user saw, null to skip the check
     * @return array {billId, number, previous, lettering, changed}
     */
    public function set_lettering(int $billid, string $lettering, ?string $expected): array {
        $body = ['lettering' => $lettering];
        if ($expected !== null) {
            $body['expected'] = $expected;
        }
        $answer = $this->call('PUT', '/v1/bills/' . $billid . '/lettering', [], $body);
        return is_array($answer['result'] ?? null) ? $answer['result'] : [];
    }

    /**
     * The shops (a cheap signed call: tells whether the secret is accepted).
     *
     * @return array
     */
    public function shops(): array {
        return $this->call('GET', '/v1/shops');
    }

    /**
     * The readiness report of the service (not signed).
     *
     * @return array {status, checks: {database, billTable, letteringIndex}}; throws when there is no report
     */
    public function readiness(): array {
        [$status, $body, $errno] = $this->send('GET', '/health/ready', '', []);
        [$data, $error] = error_mapper::decode($errno, $status, $body);
        if ($error !== null && $error->is_transport()) {
            throw new sidecar_exception($error);
        }
        if ($data === null) {
            // A 503 still carries the report.
            $data = json_decode($body, true);
        }
        return is_array($data) ? $data : [];
    }

    /**
     * One signed call.
     *
     * @param string $method HTTP method
     * @param string $path path under the service's address
     * @param array $query query parameters; null and '' values are left out
     * @param array|null $body JSON body
     * @return array the decoded answer
     * @throws sidecar_exception when the call fails or the service refuses
     */
    private function call(string $method, string $path, array $query = [], ?array $body = null): array {
        $query = array_filter($query, function ($value) {
            return $value !== null && $value !== '';
        });
        $pathwithquery = $path . ($query ? '?' . http_build_query($query, '', '&', PHP_QUERY_RFC3986) : '');
        $json = $body === null ? '' : json_encode($body, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        $signer = new signer($this->secret);
        $headers = $signer->headers($method, $pathwithquery, $this->userid, $this->language, $json, time());
        [$status, $answer, $errno] = $this->send($method, $pathwithquery, $json, $headers);
        [$data, $error] = error_mapper::decode($errno, $status, $answer);
        if ($error !== null) {
            throw new sidecar_exception($error);
        }
        return $data;
    }

    /**
     * Sends a request with Moodle's curl class.
     *
     * @param string $method HTTP method
     * @param string $pathwithquery path and query string
     * @param string $body request body, '' for none
     * @param string[] $headers request headers
     * @return array [int $status, string $body, int $errno]
     * @throws sidecar_exception when the service is not configured
     */
    private function send(string $method, string $pathwithquery, string $body, array $headers): array {
        if (!$this->is_configured()) {
            throw new sidecar_exception(new sidecar_error('TRANSPORT_NOT_CONFIGURED', 0, 'transport_notconfigured'));
        }
        global $CFG;
        require_once($CFG->libdir . '/filelib.php');
        $curl = new \curl(['ignoresecurity' => true]);
        $curl->setHeader(array_merge(['Accept: application/json'], $headers));
        $options = [
            'CURLOPT_TIMEOUT' => $this->timeout,
            'CURLOPT_CONNECTTIMEOUT' => min($this->timeout, 5),
            'CURLOPT_FOLLOWLOCATION' => 0,
        ];
        $url = $this->baseurl . $pathwithquery;
        if ($method === 'GET') {
            $answer = $curl->get($url, [], $options);
        } else {
            $answer = $curl->post($url, $body, ['CURLOPT_CUSTOMREQUEST' => $method] + $options);
        }
        $info = $curl->get_info();
        $status = is_array($info) ? (int) ($info['http_code'] ?? 0) : 0;
        return [$status, is_string($answer) ? $answer : '', (int) $curl->get_errno()];
    }
}

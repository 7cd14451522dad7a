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

/**
 * Test harness: Moodle's curl class, reduced to what the plugin's client calls.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Stand-in for \curl: get() and post() with CURLOPT_* options given by name.
 */
class curl {
    /** @var string[] */
    private $header = [];
    /** @var array */
    private $info = [];
    /** @var int */
    private $errno = 0;
    /** @var string */
    public $error = '';

    /**
     * Stand-in.
     *
     * @param array $settings
     */
    public function __construct($settings = []) {
    }

    /**
     * Stand-in.
     *
     * @param string|string[] $header
     */
    public function setHeader($header) {
        foreach ((array) $header as $line) {
            $this->header[] = $line;
        }
    }

    /**
     * Stand-in.
     *
     * @param string $url
     * @param array $params
     * @param array $options
     * @return string
     */
    public function get($url, $params = [], $options = []) {
        return $this->request($url, ['CURLOPT_HTTPGET' => 1] + $options);
    }

    /**
     * Stand-in.
     *
     * @param string $url
     * @param string $params the raw body
     * @param array $options
     * @return string
     */
    public function post($url, $params = '', $options = []) {
        return $this->request($url, ['CURLOPT_POST' => 1, 'CURLOPT_POSTFIELDS' => $params] + $options);
    }

    /**
     * Stand-in.
     *
     * @param string $url
     * @param array $options
     * @return string the body, or the error text
     */
    private function request($url, array $options) {
        $handle = curl_init($url);
        curl_setopt($handle, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($handle, CURLOPT_HTTPHEADER, $this->header);
        foreach ($options as $name => $value) {
            curl_setopt($handle, constant($name), $value);
        }
        $body = curl_exec($handle);
        $this->info = curl_getinfo($handle);
        $this->errno = curl_errno($handle);
        $this->error = curl_error($handle);
        curl_close($handle);
        return $this->error !== '' ? $this->error : (string) $body;
    }

    /**
     * Stand-in.
     *
     * @return array
     */
    public function get_info() {
        return $this->info;
    }

    /**
     * Stand-in.
     *
     * @return int
     */
    public function get_errno() {
        return $this->errno;
    }
}

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
 * Test harness: the few Moodle core functions and classes the plugin's pages call.
 *
 * Only for the end-to-end tests, which serve the real pages with PHP's
 * built-in server from a temporary dirroot; never shipped. The dirroot's
 * config.php sets $CFG->harnessstate (a JSON file: plugin settings, users and
 * their capabilities, timezone, event log) and requires this file.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

define('MOODLE_INTERNAL', true);
define('PARAM_ALPHA', 'alpha');
define('PARAM_ALPHANUMEXT', 'alphanumext');
define('PARAM_BOOL', 'bool');
define('PARAM_INT', 'int');
define('PARAM_RAW', 'raw');
define('PARAM_RAW_TRIMMED', 'raw_trimmed');

error_reporting(E_ALL);
ini_set('display_errors', '1');

global $CFG, $USER, $PAGE, $OUTPUT, $HARNESS;
$HARNESS = json_decode(file_get_contents($CFG->harnessstate), true);
$CFG->dirroot = $_SERVER['DOCUMENT_ROOT'];
$CFG->libdir = __DIR__;
$CFG->wwwroot = 'http://' . $_SERVER['HTTP_HOST'];
date_default_timezone_set($HARNESS['timezone']);

session_save_path(dirname($CFG->harnessstate));
session_start();
$_SESSION += ['userid' => 2, 'lang' => 'en', 'sesskey' => bin2hex(random_bytes(8)), 'notifications' => []];
if (isset($_GET['harnessuser'])) {
    $_SESSION['userid'] = (int) $_GET['harnessuser'];
}
if (isset($_GET['lang']) && in_array($_GET['lang'], ['en', 'fr'], true)) {
    $_SESSION['lang'] = $_GET['lang'];
}
$USER = (object) ['id' => $_SESSION['userid']];

spl_autoload_register(function (string $class) {
    global $CFG;
    $parts = explode('\\', ltrim($class, '\\'));
    $folders = ['local_shop' => 'local/shop', 'block_shop_access' => 'blocks/shop_access'];
    if (count($parts) > 1 && isset($folders[$parts[0]])) {
        $file = $CFG->dirroot . '/' . $folders[array_shift($parts)] . '/classes/' . implode('/', $parts) . '.php';
        if (is_file($file)) {
            require_once($file);
        }
    }
});

require_once(__DIR__ . '/output.php');

/**
 * Stand-in: the visitor is always logged in (as $_SESSION['userid']).
 */
function require_login() {
}

/**
 * Stand-in.
 *
 * @return bool
 */
function isloggedin() {
    return true;
}

/**
 * Stand-in.
 *
 * @return bool
 */
function isguestuser() {
    return false;
}

/**
 * Stand-in: capabilities of the current user come from the harness state.
 *
 * @param string $capability
 * @param context_system $context
 * @return bool
 */
function has_capability($capability, $context) {
    global $HARNESS, $USER;
    return in_array($capability, $HARNESS['users'][(string) $USER->id]['caps'] ?? [], true);
}

/**
 * Stand-in: refuses with 403 as Moodle's exception page would.
 *
 * @param string $capability
 * @param context_system $context
 */
function require_capability($capability, $context) {
    if (!has_capability($capability, $context)) {
        http_response_code(403);
        die('<!DOCTYPE html><html><body><div class="alert alert-danger">Sorry, but you do not currently have permissions to do that ('
            . htmlspecialchars($capability) . ').</div></body></html>');
    }
}

/**
 * Stand-in.
 */
class context_system {
    /** @var int */
    public $id = 1;

    /**
     * Stand-in.
     *
     * @return context_system
     */
    public static function instance() {
        return new context_system();
    }
}

/**
 * Stand-in.
 *
 * @return string
 */
function sesskey() {
    return $_SESSION['sesskey'];
}

/**
 * Stand-in: whether the request carries the session key (from the post or the query string, as Moodle reads it).
 *
 * @return bool
 */
function confirm_sesskey() {
    $sesskey = $_POST['sesskey'] ?? $_GET['sesskey'] ?? null;
    return is_string($sesskey) && $sesskey === $_SESSION['sesskey'];
}

/**
 * Stand-in: refuses a request without the session key.
 */
function require_sesskey() {
    if (($_POST['sesskey'] ?? '') !== $_SESSION['sesskey']) {
        http_response_code(403);
        die('Invalid sesskey');
    }
}

/**
 * Stand-in.
 *
 * @return object|false
 */
function data_submitted() {
    return $_SERVER['REQUEST_METHOD'] === 'POST' && !empty($_POST) ? (object) $_POST : false;
}

/**
 * Stand-in for the parameter types the pages use.
 *
 * @param string $name
 * @param mixed $default
 * @param string $type
 * @return mixed
 */
function optional_param($name, $default, $type) {
    $value = $_POST[$name] ?? $_GET[$name] ?? null;
    if ($value === null) {
        return $default;
    }
    if (!is_string($value)) {
        die('Invalid parameter ' . htmlspecialchars($name));
    }
    switch ($type) {
        case PARAM_ALPHA:
            return preg_replace('/[^a-zA-Z]/', '', $value);
        case PARAM_ALPHANUMEXT:
            return preg_replace('/[^a-zA-Z0-9_-]/', '', $value);
        case PARAM_INT:
            return (int) $value;
        case PARAM_BOOL:
            return in_array(strtolower($value), ['1', 'yes', 'true', 'on'], true);
        case PARAM_RAW_TRIMMED:
            return trim($value);
        default:
            return $value;
    }
}

/**
 * Stand-in: plugin settings from the harness state.
 *
 * @param string $plugin
 * @return stdClass
 */
function get_config($plugin) {
    global $HARNESS;
    return (object) ($HARNESS['config'][$plugin] ?? []);
}

/**
 * Stand-in.
 *
 * @return string
 */
function current_language() {
    return $_SESSION['lang'];
}

/**
 * Stand-in: the plugins' generated lang files, and the few langconfig strings used.
 *
 * @param string $key
 * @param string $component
 * @param mixed $a
 * @return string
 */
function get_string($key, $component = 'moodle', $a = null) {
    global $CFG;
    static $cache = [];
    $lang = current_language();
    $langconfig = [
        'en' => ['decsep' => '.', 'thousandssep' => ',', 'strftimedatetimeshort' => 'short'],
        'fr' => ['decsep' => ',', 'thousandssep' => ' ', 'strftimedatetimeshort' => 'short'],
    ];
    if ($component === 'core_langconfig' || $component === 'langconfig') {
        return $langconfig[$lang][$key];
    }
    $folders = ['local_shop' => 'local/shop', 'block_shop_access' => 'blocks/shop_access'];
    foreach ([$lang, 'en'] as $language) {
        if (!isset($cache[$component][$language])) {
            $string = [];
            $file = $CFG->dirroot . '/' . ($folders[$component] ?? 'none') . "/lang/{$language}/{$component}.php";
            if (is_file($file)) {
                include($file);
            }
            $cache[$component][$language] = $string;
        }
        if (isset($cache[$component][$language][$key])) {
            $text = $cache[$component][$language][$key];
            if (is_object($a) || is_array($a)) {
                foreach ((array) $a as $name => $value) {
                    $text = str_replace('{$a->' . $name . '}', (string) $value, $text);
                }
            } else if ($a !== null) {
                $text = str_replace('{$a}', (string) $a, $text);
            }
            return $text;
        }
    }
    return "[[{$key},{$component}]]";
}

/**
 * Stand-in: dates in the user's language and the harness timezone.
 *
 * @param int $time
 * @param string $format '' for the long form, else the short one
 * @return string
 */
function userdate($time, $format = '') {
    $pattern = $format === '' ? 'EEEE d MMMM y, HH:mm' : 'dd/MM/yy, HH:mm';
    $formatter = new IntlDateFormatter(current_language() === 'fr' ? 'fr_FR' : 'en_GB', IntlDateFormatter::NONE,
        IntlDateFormatter::NONE, date_default_timezone_get(), IntlDateFormatter::GREGORIAN, $pattern);
    return $formatter->format((int) $time);
}

/**
 * Stand-in: redirects, keeping the message for the next page.
 *
 * @param moodle_url|string $url
 * @param string $message
 * @param int|null $delay
 * @param string $type
 */
function redirect($url, $message = '', $delay = null, $type = 'info') {
    if ($message !== '') {
        $_SESSION['notifications'][] = ['message' => $message, 'type' => $type];
    }
    header('Location: ' . ($url instanceof moodle_url ? $url->out(false) : $url), true, 303);
    exit;
}

/**
 * Stand-in.
 */
class core_text {
    /**
     * Stand-in.
     *
     * @param string $text
     * @param int $start
     * @param int|null $length
     * @return string
     */
    public static function substr($text, $start, $length = null) {
        return mb_substr($text, $start, $length, 'UTF-8');
    }
}

/**
 * Stand-in.
 */
class moodle_url {
    /** @var string */
    private $path;
    /** @var array */
    private $params;

    /**
     * Stand-in.
     *
     * @param string $path
     * @param array $params
     */
    public function __construct($path, array $params = []) {
        $this->path = $path;
        $this->params = $params;
    }

    /**
     * Stand-in.
     *
     * @param bool $escaped
     * @return string
     */
    public function out($escaped = true) {
        global $CFG;
        $url = $CFG->wwwroot . $this->path . ($this->params ? '?' . http_build_query($this->params) : '');
        return $escaped ? htmlspecialchars($url) : $url;
    }
}

require_once(__DIR__ . '/event.php');
require_once(__DIR__ . '/notification.php');

/**
 * Stand-in for blocks.
 */
class block_base {
    /** @var string */
    public $title;
    /** @var stdClass|null */
    public $content = null;

    /**
     * Stand-in.
     */
    public function __construct() {
        $this->init();
    }
}

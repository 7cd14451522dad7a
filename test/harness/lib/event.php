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

namespace core\event;

/**
 * Stand-in for the Events API base: trigger() appends a JSON line to the harness event log.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class base {
    /** @var int */
    const LEVEL_OTHER = 0;
    /** @var int */
    const NOT_MAPPED = -31337;
    /** @var array */
    protected $data = [];

    /**
     * Stand-in: init(), then the data, then validate_data(), as Moodle does.
     *
     * @param array $data
     * @return static
     */
    final public static function create(array $data) {
        global $USER;
        $event = new static();
        $event->init();
        $event->data = array_merge($event->data, $data, ['userid' => $USER->id, 'eventname' => '\\' . static::class]);
        $event->validate_data();
        return $event;
    }

    /**
     * Stand-in.
     */
    abstract protected function init();

    /**
     * Stand-in.
     */
    protected function validate_data() {
    }

    /**
     * Stand-in.
     *
     * @param string $name
     * @return mixed
     */
    public function __get($name) {
        return $this->data[$name] ?? null;
    }

    /**
     * Stand-in.
     *
     * @param string $name
     * @return bool
     */
    public function __isset($name) {
        return isset($this->data[$name]);
    }

    /**
     * Stand-in: writes the event to the log the tests read.
     */
    public function trigger() {
        global $HARNESS;
        $line = [
            'eventname' => $this->data['eventname'],
            'name' => static::get_name(),
            'crud' => $this->data['crud'],
            'objecttable' => $this->data['objecttable'],
            'objectid' => $this->data['objectid'],
            'userid' => $this->data['userid'],
            'other' => $this->data['other'],
            'description' => $this->get_description(),
            'url' => $this->get_url()->out(false),
        ];
        file_put_contents($HARNESS['eventlog'], json_encode($line, JSON_UNESCAPED_UNICODE) . "\n", FILE_APPEND | LOCK_EX);
    }
}

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

namespace core\output;

/**
 * Stand-in for the notification types.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class notification {
    /** @var string */
    const NOTIFY_SUCCESS = 'success';
    /** @var string */
    const NOTIFY_ERROR = 'error';
}

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

namespace local_shop\event;

/**
 * The lettering of a bill was cleared.
 *
 * @property-read array $other {
 *      - string previous: the lettering before ('' for none)
 *      - string lettering: the lettering after ('' for none)
 *      - string number: the invoice number, e.g. B-20170601-29
 * }
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class lettering_cleared extends lettering_base {
    /**
     * Name of the event, in the user's language.
     *
     * @return string
     */
    public static function get_name() {
        return get_string('eventletteringcleared', 'local_shop');
    }

    /**
     * What happened, for the logs (in English, as Moodle's event descriptions are).
     *
     * @return string
     */
    public function get_description() {
        $previous = $this->other['previous'];
        $lettering = $this->other['lettering'];
        return "The user with id '{$this->userid}' cleared the lettering '{$previous}' of the bill with id '{$this->objectid}'.";
    }
}

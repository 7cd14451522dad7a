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
 * What the lettering events share: the bill, and the values before and after.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class lettering_base extends \core\event\base {
    /**
     * Sets the event's constant data.
     */
    protected function init() {
        $this->data['crud'] = 'u';
        $this->data['edulevel'] = self::LEVEL_OTHER;
        $this->data['objecttable'] = 'local_shop_bill';
    }

    /**
     * The invoice page.
     *
     * @return \moodle_url
     */
    public function get_url() {
        return new \moodle_url('/local/shop/bills/view.php', ['view' => 'viewBill', 'billid' => $this->objectid]);
    }

    /**
     * Checks the data the event was created with.
     *
     * @throws \coding_exception
     */
    protected function validate_data() {
        parent::validate_data();
        if (empty($this->objectid)) {
            throw new \coding_exception('The \'objectid\' (bill id) must be set.');
        }
        foreach (['previous', 'lettering', 'number'] as $name) {
            if (!isset($this->other[$name]) || !is_string($this->other[$name])) {
                throw new \coding_exception("The '{$name}' value must be set in other.");
            }
        }
    }

    /**
     * Bills are not backed up with courses: the id is not mapped on restore.
     *
     * @return array
     */
    public static function get_objectid_mapping() {
        return ['db' => 'local_shop_bill', 'restore' => \core\event\base::NOT_MAPPED];
    }

    /**
     * Nothing in other needs mapping on restore.
     *
     * @return bool
     */
    public static function get_other_mapping() {
        return false;
    }

    /**
     * The event that tells a change of lettering, by the values before and after.
     *
     * @param int $billid the bill
     * @param string $number the invoice number
     * @param string $previous the lettering before ('' for none)
     * @param string $lettering the lettering after ('' for none)
     * @return lettering_base|null null when nothing changed
     */
    public static function for_change(int $billid, string $number, string $previous, string $lettering): ?lettering_base {
        if ($previous === $lettering) {
            return null;
        }
        $data = [
            'context' => \context_system::instance(),
            'objectid' => $billid,
            'other' => ['previous' => $previous, 'lettering' => $lettering, 'number' => $number],
        ];
        if ($previous === '') {
            return lettering_set::create($data);
        }
        if ($lettering === '') {
            return lettering_cleared::create($data);
        }
        return lettering_changed::create($data);
    }
}

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
 * Upgrade steps of the shop back office.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Upgrades the plugin's tables.
 *
 * Sites that already ran the shop have its tables without the indexes that
 * lettering and the bill lists need: they are added here when missing, so
 * that a site upgraded from the shop ends with the same schema as a new one.
 *
 * @param int $oldversion the version the site had
 * @return bool
 */
function xmldb_local_shop_upgrade($oldversion) {
    global $DB;
    $dbman = $DB->get_manager();

    if ($oldversion < 2026120300) {
        $wanted = [
            'local_shop_bill' => [
                new xmldb_index('ix_lettering_idnumber', XMLDB_INDEX_NOTUNIQUE, ['idnumber']),
                new xmldb_index('ix_lettering_status_date', XMLDB_INDEX_NOTUNIQUE, ['status', 'emissiondate', 'id']),
                new xmldb_index('ix_lettering_date', XMLDB_INDEX_NOTUNIQUE, ['emissiondate', 'id']),
            ],
            'local_shop_customer' => [
                new xmldb_index('ix_lettering_lastname', XMLDB_INDEX_NOTUNIQUE, ['lastname']),
                new xmldb_index('ix_lettering_firstname', XMLDB_INDEX_NOTUNIQUE, ['firstname']),
                new xmldb_index('ix_lettering_email', XMLDB_INDEX_NOTUNIQUE, ['email']),
            ],
        ];
        foreach ($wanted as $tablename => $indexes) {
            $table = new xmldb_table($tablename);
            if (!$dbman->table_exists($table)) {
                continue;
            }
            foreach ($indexes as $index) {
                if (!$dbman->index_exists($table, $index)) {
                    $dbman->add_index($table, $index);
                }
            }
        }
        upgrade_plugin_savepoint(true, 2026120300, 'local', 'shop');
    }

    return true;
}

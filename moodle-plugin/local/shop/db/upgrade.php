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

defined('MOODLE_INTERNAL') || die();

require_once(__DIR__ . '/upgradelib.php');

/**
 * Upgrades the plugin's tables.
 *
 * Sites that already ran the shop have its tables without the indexes that
 * lettering and the bill lists need: they are added here when missing, so
 * that a site upgraded from the shop ends with the same schema as a new one.
 * An index whose fields changed since an earlier version is replaced.
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

    if ($oldversion < 2026120400) {
        // The lettering index now carries the emission date (a search by lettering prefix reads it in list order,
        // and so does the list of unlettered bills of all statuses), and the worklist (unlettered bills of a tab)
        // gets an index of its own. Moodle finds an index by its columns, so the lettering index of the previous
        // version is another index: the new one is added first and the old one dropped after, so that the check
        // that a lettering is unique always has an index to use.
        $table = new xmldb_table('local_shop_bill');
        if ($dbman->table_exists($table)) {
            local_shop_replace_index($dbman, $table,
                new xmldb_index('ix_lettering_idnumber', XMLDB_INDEX_NOTUNIQUE, ['idnumber', 'emissiondate', 'id']),
                [['idnumber']]);
            local_shop_replace_index($dbman, $table,
                new xmldb_index('ix_lettering_status_lettering', XMLDB_INDEX_NOTUNIQUE, ['status', 'idnumber', 'emissiondate', 'id']),
                []);
        }
        upgrade_plugin_savepoint(true, 2026120400, 'local', 'shop');
    }

    return true;
}

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
 * Helpers of the shop back office's upgrade steps.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Gives a table an index as declared now, in place of earlier definitions of it.
 *
 * Adds the index when no index has its fields, then drops the indexes that have the fields of an
 * earlier definition (Moodle names and finds indexes by their fields, not by the name in install.xml).
 *
 * @param database_manager $dbman the database manager
 * @param xmldb_table $table the table, which exists
 * @param xmldb_index $index the index as declared now
 * @param array $earlierfields field lists of the earlier definitions of this index
 * @return void
 */
function local_shop_replace_index(database_manager $dbman, xmldb_table $table, xmldb_index $index, array $earlierfields): void {
    if (!$dbman->index_exists($table, $index)) {
        $dbman->add_index($table, $index);
    }
    foreach ($earlierfields as $fields) {
        $earlier = new xmldb_index($index->getName(), $index->getUnique() ? XMLDB_INDEX_UNIQUE : XMLDB_INDEX_NOTUNIQUE, $fields);
        if ($dbman->index_exists($table, $earlier)) {
            $dbman->drop_index($table, $earlier);
        }
    }
}

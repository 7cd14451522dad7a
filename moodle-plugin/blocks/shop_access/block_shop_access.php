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
 * The Sales services block: the way into the sales back office.
 *
 * @package    block_shop_access
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Shows "Sales administration" to those who may administer sales, nothing to others.
 *
 * @package    block_shop_access
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class block_shop_access extends block_base {
    /**
     * Sets the title.
     */
    public function init() {
        $this->title = get_string('pluginname', 'block_shop_access');
    }

    /**
     * The block can be added anywhere.
     *
     * @return array
     */
    public function applicable_formats() {
        return ['all' => true];
    }

    /**
     * One instance per page is enough.
     *
     * @return bool
     */
    public function instance_allow_multiple() {
        return false;
    }

    /**
     * The link for those with the capability; empty (so hidden) for others.
     *
     * @return stdClass
     */
    public function get_content() {
        global $OUTPUT;
        if ($this->content !== null) {
            return $this->content;
        }
        $this->content = new stdClass();
        $this->content->text = '';
        $this->content->footer = '';
        if (!isloggedin() || isguestuser() || !has_capability('local/shop:salesadmin', context_system::instance())) {
            return $this->content;
        }
        $this->content->text = $OUTPUT->render(new \block_shop_access\output\links());
        return $this->content;
    }
}

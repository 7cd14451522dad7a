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
 * The Sales service page: the tools of the sales back office.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require(__DIR__ . '/../../config.php');

require_login();
$context = context_system::instance();
require_capability('local/shop:salesadmin', $context);

$PAGE->set_context($context);
$PAGE->set_url(new moodle_url('/local/shop/index.php'));
$PAGE->set_pagelayout('report');
$PAGE->set_title(get_string('salesservice', 'local_shop'));
$PAGE->set_heading(get_string('salesservice', 'local_shop'));

echo $OUTPUT->header();
echo $OUTPUT->render(new \local_shop\output\sales_service());
echo $OUTPUT->footer();

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

namespace local_shop\output;

use renderable;
use renderer_base;
use templatable;

/**
 * The Sales service page: the back office tools.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class sales_service implements renderable, templatable {
    /**
     * Data for the local_shop/sales_service template.
     *
     * @param renderer_base $output
     * @return array
     */
    public function export_for_template(renderer_base $output): array {
        return [
            'tools' => [
                [
                    'url' => (new \moodle_url('/local/shop/bills/view.php', ['view' => 'viewAllBills']))->out(false),
                    'name' => get_string('allbills', 'local_shop'),
                    'description' => get_string('allbills_desc', 'local_shop'),
                ],
            ],
        ];
    }
}

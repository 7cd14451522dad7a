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
 * Tests of amount formatting on decimal text.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

use local_shop\local\money;
use PHPUnit\Framework\TestCase;

/**
 * Rounding and separators without floats.
 */
final class money_test extends TestCase {
    public function test_formats(): void {
        $cases = [
            ['120.500', '.', ',', '120.50'],
            ['0.000', '.', ',', '0.00'],
            ['1234.565', '.', ',', '1,234.57'],
            ['1234.564', ',', ' ', '1 234,56'],
            ['9999999.995', '.', ',', '10,000,000.00'],
            ['-12.345', '.', ',', '-12.35'],
            ['-0.001', '.', ',', '0.00'],
            ['7', '.', ',', '7.00'],
            ['007.1', '.', ',', '7.10'],
            ['0.995', '.', ',', '1.00'],
        ];
        foreach ($cases as [$amount, $decsep, $thousandssep, $expected]) {
            $this->assertSame($expected, money::format($amount, $decsep, $thousandssep), $amount);
        }
    }

    public function test_exact_where_a_float_is_not(): void {
        // 1.005 is 1.00499999999999989... as a double: round(1.005, 2) gives 1.0 in PHP.
        $this->assertSame('1.01', money::format('1.005'));
        $this->assertSame('90,071,992,547,409.93', money::format('90071992547409.925'));
    }

    public function test_text_that_is_not_a_number_is_kept(): void {
        $this->assertSame('', money::format(''));
        $this->assertSame('abc', money::format('abc'));
        $this->assertSame('1e5', money::format('1e5'));
    }
}

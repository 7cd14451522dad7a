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

namespace local_shop\local;

/**
 * Amounts for display, computed on their decimal text: never through a float.
 *
 * The shop stores money as DECIMAL(10,3) and the service sends it as text
 * such as "1234.500". It is rounded half away from zero to the cents and
 * written with the language's separators.
 *
 * Needs nothing from Moodle, so that it is tested on its own.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class money {
    /**
     * Formats a decimal text.
     *
     * @param string $amount e.g. "1234.565"
     * @param string $decsep decimal separator
     * @param string $thousandssep thousands separator
     * @param int $decimals digits after the separator
     * @return string e.g. "1,234.57"; the text as given when it is not a decimal number
     */
    public static function format(string $amount, string $decsep = '.', string $thousandssep = ',', int $decimals = 2): string {
        if (!preg_match('/^\s*([+-]?)(\d+)(?:\.(\d*))?\s*$/', $amount, $match)) {
            return $amount;
        }
        $negative = $match[1] === '-';
        $whole = ltrim($match[2], '0');
        $fraction = $match[3] ?? '';
        $digits = ($whole === '' ? '0' : $whole) . str_pad(substr($fraction, 0, $decimals), $decimals, '0');
        $next = strlen($fraction) > $decimals ? (int) $fraction[$decimals] : 0;
        if ($next >= 5) {
            $digits = self::increment($digits);
        }
        $integerpart = substr($digits, 0, strlen($digits) - $decimals);
        $fractionpart = $decimals > 0 ? substr($digits, -$decimals) : '';
        $integerpart = ltrim($integerpart, '0');
        if ($integerpart === '') {
            $integerpart = '0';
        }
        $grouped = '';
        while (strlen($integerpart) > 3) {
            $grouped = $thousandssep . substr($integerpart, -3) . $grouped;
            $integerpart = substr($integerpart, 0, -3);
        }
        $grouped = $integerpart . $grouped;
        $iszero = trim($digits, '0') === '';
        return ($negative && !$iszero ? '-' : '') . $grouped . ($decimals > 0 ? $decsep . $fractionpart : '');
    }

    /**
     * Adds one to a string of digits.
     *
     * @param string $digits
     * @return string
     */
    private static function increment(string $digits): string {
        $i = strlen($digits) - 1;
        while ($i >= 0 && $digits[$i] === '9') {
            $digits[$i] = '0';
            $i--;
        }
        return $i < 0 ? '1' . $digits : substr_replace($digits, (string) ((int) $digits[$i] + 1), $i, 1);
    }
}

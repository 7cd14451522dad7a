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
 * Tests of the mapping from the service's answers to errors shown on pages.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

use local_shop\local\error_mapper;
use local_shop\local\sidecar_error;
use PHPUnit\Framework\TestCase;

/**
 * Every answer becomes data or an error with a plugin string; no foreign text reaches a page.
 */
final class error_mapper_test extends TestCase {
    /**
     * An error answer of the service.
     *
     * @param string $code
     * @param int $status
     * @param array $details
     * @param string $message
     * @return string
     */
    private static function answer(string $code, int $status, array $details = [], string $message = 'Service message'): string {
        return json_encode(['error' => ['code' => $code, 'status' => $status, 'message' => $message, 'details' => $details]]);
    }

    /**
     * The error for an answer (asserts there is one).
     *
     * @param int $errno
     * @param int $status
     * @param string $body
     * @return sidecar_error
     */
    private function error(int $errno, int $status, string $body): sidecar_error {
        [$data, $error] = error_mapper::decode($errno, $status, $body);
        $this->assertNull($data);
        $this->assertInstanceOf(sidecar_error::class, $error);
        return $error;
    }

    public function test_success_gives_the_decoded_answer(): void {
        [$data, $error] = error_mapper::decode(0, 200, '{"result":{"billId":1,"changed":true}}');
        $this->assertNull($error);
        $this->assertSame(['result' => ['billId' => 1, 'changed' => true]], $data);
    }

    public function test_transport_failures(): void {
        $this->assertSame('transport_timeout', $this->error(28, 0, 'Operation timed out after 5001 milliseconds')->key);
        $this->assertSame('transport_unreachable', $this->error(7, 0, 'Failed to connect to 127.0.0.1 port 9')->key);
        $this->assertSame('transport_unreachable', $this->error(6, 0, 'Could not resolve host')->key);
        $this->assertSame('transport_unreachable', $this->error(0, 0, 'The URL is blocked.')->key);
        $this->assertSame('transport_servererror', $this->error(0, 502, '<html>Bad gateway</html>')->key);
        $this->assertSame('transport_badresponse', $this->error(0, 200, 'not json')->key);
        $this->assertSame('transport_badresponse', $this->error(0, 404, '<html>Not found</html>')->key);
        $this->assertSame('transport_servererror', $this->error(0, 500, '{"unexpected":true}')->key);
        $this->assertTrue($this->error(7, 0, '')->is_transport());
    }

    public function test_duplicate_keeps_the_holder(): void {
        $error = $this->error(0, 409, self::answer('LETTERING_DUPLICATE', 409,
            ['lettering' => 'FA-1', 'billid' => 17, 'number' => 'B-20240312-17', 'held' => 'FA-1']));
        $this->assertSame('LETTERING_DUPLICATE', $error->code);
        $this->assertSame('error_lettering_duplicate', $error->key);
        $this->assertSame(['lettering' => 'FA-1', 'number' => 'B-20240312-17', 'billid' => '17'], $error->params);
        $this->assertSame(17, $error->details['billid']);
        $this->assertFalse($error->is_transport());
    }

    public function test_stale_gives_the_current_value(): void {
        $error = $this->error(0, 409, self::answer('LETTERING_STALE', 409, ['current' => 'FA-OTHER']));
        $this->assertSame('error_lettering_stale', $error->key);
        $this->assertSame(['current' => 'FA-OTHER'], $error->params);
    }

    public function test_invalid_lettering_by_violation(): void {
        foreach (['too_long', 'control_characters', 'invalid_characters', 'unsupported_characters'] as $violation) {
            $error = $this->error(0, 422, self::answer('LETTERING_INVALID', 422, ['violation' => $violation, 'maxlength' => 255]));
            $this->assertSame('error_lettering_' . $violation, $error->key);
        }
        $unknown = $this->error(0, 422, self::answer('LETTERING_INVALID', 422, ['violation' => 'other'], 'Localized text'));
        $this->assertNull($unknown->key);
        $this->assertSame('Localized text', $unknown->message);
    }

    public function test_not_letterable_by_reason(): void {
        foreach (['order', 'attempt', 'unknown_status'] as $reason) {
            $error = $this->error(0, 409, self::answer('BILL_NOT_LETTERABLE', 409, ['reason' => $reason, 'status' => 'PENDING']));
            $this->assertSame('error_not_letterable_' . $reason, $error->key);
            $this->assertSame(['status' => 'PENDING'], $error->params);
        }
    }

    public function test_plain_codes_use_the_string_of_the_same_name(): void {
        $codes = ['AUTH_MISSING' => 401, 'AUTH_INVALID' => 401, 'AUTH_EXPIRED' => 401, 'BILL_NOT_FOUND' => 404,
            'BUSY' => 503, 'DATABASE_UNAVAILABLE' => 503, 'TIMEOUT' => 503, 'INTERNAL' => 500];
        foreach ($codes as $code => $status) {
            $this->assertSame('error_' . strtolower($code), $this->error(0, $status, self::answer($code, $status))->key);
        }
    }

    public function test_validation_shows_the_service_message(): void {
        $error = $this->error(0, 400, self::answer('VALIDATION_FAILED', 400, ['field' => 'q'],
            'La valeur de « q » n\'est pas valide : un texte d\'au plus 100 caractères.'));
        $this->assertNull($error->key);
        $this->assertSame('La valeur de « q » n\'est pas valide : un texte d\'au plus 100 caractères.',
            $error->user_message(function () {
                return 'unused';
            }));
    }

    public function test_unknown_codes(): void {
        $this->assertSame('transport_servererror', $this->error(0, 500, self::answer('SOMETHING_NEW', 500))->key);
        $this->assertNull($this->error(0, 409, self::answer('SOMETHING_NEW', 409))->key);
        $this->assertSame('transport_badresponse', $this->error(0, 409, self::answer('SOMETHING_NEW', 409, [], ''))->key);
    }

    public function test_user_message_fills_the_string(): void {
        $error = $this->error(0, 409, self::answer('LETTERING_STALE', 409, ['current' => 'FA-9']));
        $message = $error->user_message(function (string $key, \stdClass $a): string {
            return $key . ':' . $a->current;
        });
        $this->assertSame('error_lettering_stale:FA-9', $message);
    }

    public function test_details_that_are_not_scalars_are_not_shown(): void {
        $error = $this->error(0, 409, self::answer('LETTERING_STALE', 409, ['current' => ['<b>x</b>']]));
        $this->assertSame(['current' => ''], $error->params);
    }
}

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
 * Tests of request signing.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

use local_shop\local\signer;
use PHPUnit\Framework\TestCase;

/**
 * The signature is the one the service checks (same canonical text, same HMAC).
 */
final class signer_test extends TestCase {
    /** @var string */
    private const SECRET = 'test-secret-0123456789-abcdefghijklmnop';

    public function test_canonical_text_has_seven_lines_in_order(): void {
        $text = signer::canonical('put', '/v1/bills/1/lettering', '1700000000', '2', 'fr', '{"lettering":"FA-1"}');
        $this->assertSame([
            'LETTERING-HMAC-SHA256',
            'PUT',
            '/v1/bills/1/lettering',
            '1700000000',
            '2',
            'fr',
            hash('sha256', '{"lettering":"FA-1"}'),
        ], explode("\n", $text));
    }

    public function test_empty_body_hashes_the_empty_string(): void {
        $text = signer::canonical('GET', '/v1/bills?status=COMPLETE', '1', '2', '', '');
        $this->assertStringEndsWith("\n\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", $text);
    }

    public function test_signature_is_hmac_sha256_hex_of_the_canonical_text(): void {
        $signer = new signer(self::SECRET);
        $expected = hash_hmac('sha256', signer::canonical('GET', '/v1/shops', '1700000000', '2', 'en', ''), self::SECRET);
        $this->assertSame($expected, $signer->sign('GET', '/v1/shops', '1700000000', '2', 'en', ''));
        $this->assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $expected);
    }

    public function test_known_vectors_of_the_service(): void {
        // Signatures computed by the service's own signing.ts (sign()) for the same inputs.
        $signer = new signer(self::SECRET);
        $this->assertSame('883f318bf8fd7c2e480e95b2f0f36d10a85343c5c51f56580b17a55d79243fb5',
            $signer->sign('GET', '/v1/bills?status=COMPLETE&limit=5', '1700000000', '2', 'fr', ''));
        $this->assertSame('eb5e36377c5c28268ab3a01642e1172296995ff1014343452079e9392cf73877',
            $signer->sign('PUT', '/v1/bills/29/lettering', '1700000000', '2', 'fr', '{"lettering":"FA-2024-0042","expected":""}'));
    }

    public function test_any_change_changes_the_signature(): void {
        $signer = new signer(self::SECRET);
        $base = ['PUT', '/v1/bills/1/lettering', '1700000000', '2', 'fr', '{"lettering":"A"}'];
        $reference = $signer->sign(...$base);
        $changes = [
            [0, 'POST'], [1, '/v1/bills/2/lettering'], [2, '1700000001'], [3, '3'], [4, 'en'], [5, '{"lettering":"B"}'],
        ];
        foreach ($changes as [$index, $value]) {
            $changed = $base;
            $changed[$index] = $value;
            $this->assertNotSame($reference, $signer->sign(...$changed), "changing part {$index}");
        }
        $this->assertNotSame($reference, (new signer(self::SECRET . 'x'))->sign(...$base));
    }

    public function test_headers(): void {
        $signer = new signer(self::SECRET);
        $headers = $signer->headers('PUT', '/v1/bills/1/lettering', 2, 'fr', '{"lettering":"A"}', 1700000000);
        $this->assertContains('X-Lettering-Timestamp: 1700000000', $headers);
        $this->assertContains('X-Lettering-User: 2', $headers);
        $this->assertContains('Accept-Language: fr', $headers);
        $this->assertContains('Content-Type: application/json', $headers);
        $this->assertContains('X-Lettering-Signature: '
            . $signer->sign('PUT', '/v1/bills/1/lettering', '1700000000', '2', 'fr', '{"lettering":"A"}'), $headers);

        $get = $signer->headers('GET', '/v1/shops', 2, '', '', 1700000000);
        $this->assertCount(3, $get, 'no language and no body: only the three signature headers');
    }
}

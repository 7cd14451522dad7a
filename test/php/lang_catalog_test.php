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
 * Tests of the string catalog and of the PHP lang files generated from it.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

use PHPUnit\Framework\TestCase;

/**
 * English and French have the same keys and placeholders; the PHP files say exactly what the catalog says.
 */
final class lang_catalog_test extends TestCase {
    /** @var array component => folder under moodle-plugin */
    private const COMPONENTS = ['local_shop' => 'local/shop', 'block_shop_access' => 'blocks/shop_access'];

    /**
     * Component and language pairs.
     *
     * @return array
     */
    public static function files(): array {
        $cases = [];
        foreach (array_keys(self::COMPONENTS) as $component) {
            foreach (['en', 'fr'] as $language) {
                $cases["{$component} {$language}"] = [$component, $language];
            }
        }
        return $cases;
    }

    /**
     * The catalog of a component in a language.
     *
     * @param string $component
     * @param string $language
     * @return array
     */
    private static function catalog(string $component, string $language): array {
        return json_decode(file_get_contents(LOCAL_SHOP_ROOT . "/lang/{$language}/{$component}.json"), true, 512,
            JSON_THROW_ON_ERROR);
    }

    /**
     * The placeholders of a string.
     *
     * @param string $text
     * @return string[]
     */
    private static function placeholders(string $text): array {
        preg_match_all('/\{\$a(?:->\w+)?\}/', $text, $matches);
        $found = array_values(array_unique($matches[0]));
        sort($found);
        return $found;
    }

    public function test_same_keys_and_placeholders_in_english_and_french(): void {
        foreach (array_keys(self::COMPONENTS) as $component) {
            $en = self::catalog($component, 'en');
            $fr = self::catalog($component, 'fr');
            $this->assertSame([], array_diff(array_keys($en), array_keys($fr)), "{$component}: missing in French");
            $this->assertSame([], array_diff(array_keys($fr), array_keys($en)), "{$component}: missing in English");
            foreach ($en as $key => $text) {
                $this->assertNotSame('', trim($text), "{$component} {$key} is empty in English");
                $this->assertNotSame('', trim($fr[$key]), "{$component} {$key} is empty in French");
                $this->assertSame(self::placeholders($text), self::placeholders($fr[$key]), "{$component} {$key}: placeholders");
            }
        }
    }

    /**
     * @dataProvider files
     * @param string $component
     * @param string $language
     */
    public function test_php_file_matches_the_catalog(string $component, string $language): void {
        $file = LOCAL_SHOP_ROOT . '/moodle-plugin/' . self::COMPONENTS[$component] . "/lang/{$language}/{$component}.php";
        $this->assertFileExists($file, 'run npm run lang');
        $string = [];
        include($file);
        $catalog = self::catalog($component, $language);
        ksort($catalog, SORT_STRING);
        $this->assertSame($catalog, $string, 'the PHP file drifted from the catalog: run npm run lang');
    }

    /**
     * @dataProvider files
     * @param string $component
     * @param string $language
     */
    public function test_php_file_is_one_single_quoted_literal_per_string(string $component, string $language): void {
        $text = file_get_contents(LOCAL_SHOP_ROOT . '/moodle-plugin/' . self::COMPONENTS[$component]
            . "/lang/{$language}/{$component}.php");
        $this->assertStringStartsWith("<?php\n// This file is part of Moodle", $text);
        $this->assertStringContainsString("@package    {$component}", $text);
        $this->assertStringNotContainsString('?>', $text);
        // After the opening tag and the doc comments: only `$string['key'] = 'literal';` statements.
        $tokens = array_values(array_filter(token_get_all($text), function ($token) {
            return !is_array($token) || !in_array($token[0], [T_OPEN_TAG, T_WHITESPACE, T_COMMENT, T_DOC_COMMENT], true);
        }));
        $this->assertSame(0, count($tokens) % 7);
        $keys = [];
        for ($i = 0; $i < count($tokens); $i += 7) {
            [$variable, $open, $key, $close, $equals, $value, $semicolon] = array_slice($tokens, $i, 7);
            $this->assertSame([T_VARIABLE, '$string'], [$variable[0], $variable[1]]);
            $this->assertSame(['[', ']', '=', ';'], [$open, $close, $equals, $semicolon]);
            foreach ([$key, $value] as $literal) {
                $this->assertSame(T_CONSTANT_ENCAPSED_STRING, $literal[0]);
                $this->assertSame("'", $literal[1][0], 'single-quoted: ' . $literal[1]);
            }
            $keys[] = $key[1];
        }
        $sorted = $keys;
        sort($sorted, SORT_STRING);
        $this->assertSame($sorted, $keys, 'strings are sorted by key');
    }

    public function test_every_string_the_code_asks_for_exists(): void {
        $en = self::catalog('local_shop', 'en');
        $root = LOCAL_SHOP_ROOT . '/moodle-plugin/local/shop';
        $iterator = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($root));
        $asked = [];
        foreach ($iterator as $file) {
            if (!preg_match('/\.(php|mustache)$/', $file->getFilename()) || strpos($file->getPathname(), '/lang/') !== false) {
                continue;
            }
            $text = file_get_contents($file->getPathname());
            preg_match_all("/(?:get_string|lang_string)\\('([a-z0-9_:]+)', 'local_shop'/", $text, $php);
            preg_match_all('/\{\{#str\}\}\s*([a-z0-9_:]+),\s*local_shop\s*\{\{\/str\}\}/', $text, $mustache);
            $asked = array_merge($asked, $php[1], $mustache[1]);
        }
        $this->assertNotEmpty($asked);
        $this->assertSame([], array_values(array_diff(array_unique($asked), array_keys($en))), 'strings asked for but missing');
        $this->assertArrayHasKey('lettering_help', $en, 'the help icon needs its _help string');
    }
}

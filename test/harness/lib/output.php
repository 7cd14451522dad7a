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
 * Test harness: pages, output and a mustache renderer for the subset the templates use.
 *
 * Supported: {{var}} (escaped, dotted names, {{.}}), {{{raw}}}, {{#section}}/{{^inverted}} over lists,
 * arrays and scalars, {{! comments }} and {{#str}}key, component{{/str}}.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Stand-in.
 */
interface renderable {
}

/**
 * Stand-in.
 */
interface templatable {
}

/**
 * Stand-in for the page: what the pages set, kept for the header.
 */
class moodle_page {
    /** @var string */
    public $title = '';
    /** @var string */
    public $heading = '';
    /** @var moodle_url|null */
    public $url = null;
    /** @var moodle_page the navbar is the page itself here */
    public $navbar;
    /** @var array[] */
    public $crumbs = [];

    /**
     * Stand-in.
     */
    public function __construct() {
        $this->navbar = $this;
    }

    /**
     * Stand-in.
     *
     * @param mixed $context
     */
    public function set_context($context) {
    }

    /**
     * Stand-in.
     *
     * @param string $layout
     */
    public function set_pagelayout($layout) {
    }

    /**
     * Stand-in.
     *
     * @param moodle_url $url
     */
    public function set_url($url) {
        $this->url = $url;
    }

    /**
     * Stand-in.
     *
     * @param string $title
     */
    public function set_title($title) {
        $this->title = $title;
    }

    /**
     * Stand-in.
     *
     * @param string $heading
     */
    public function set_heading($heading) {
        $this->heading = $heading;
    }

    /**
     * Stand-in for the navbar's add().
     *
     * @param string $text
     * @param moodle_url|null $url
     */
    public function add($text, $url = null) {
        $this->crumbs[] = ['text' => $text, 'url' => $url ? $url->out(false) : null];
    }
}

/**
 * Stand-in for the core renderer.
 */
class renderer_base {
    /**
     * Stand-in: renders a templatable with the template named after its class.
     *
     * @param templatable $widget
     * @return string
     */
    public function render($widget) {
        $parts = explode('\\', get_class($widget));
        return $this->render_from_template($parts[0] . '/' . end($parts), $widget->export_for_template($this));
    }

    /**
     * Stand-in.
     *
     * @param string $name component/template
     * @param mixed $context
     * @return string
     */
    public function render_from_template($name, $context) {
        global $CFG;
        [$component, $template] = explode('/', $name);
        $folders = ['local_shop' => 'local/shop', 'block_shop_access' => 'blocks/shop_access'];
        $text = file_get_contents($CFG->dirroot . '/' . $folders[$component] . '/templates/' . $template . '.mustache');
        $tokens = preg_split('/(\{\{\{.+?\}\}\}|\{\{.+?\}\})/s', $text, -1, PREG_SPLIT_DELIM_CAPTURE);
        $position = 0;
        return $this->walk($this->parse($tokens, $position), [json_decode(json_encode($context), true)]);
    }

    /**
     * Stand-in.
     *
     * @param string $identifier
     * @param string $component
     * @return string
     */
    public function help_icon($identifier, $component) {
        $title = htmlspecialchars(get_string($identifier, $component));
        $help = htmlspecialchars(get_string($identifier . '_help', $component));
        return '<a class="btn btn-link p-0" role="button" data-region="helpicon" title="' . $title . '" data-content="' . $help
            . '">?</a>';
    }

    /**
     * Stand-in.
     *
     * @return string
     */
    public function header() {
        global $PAGE;
        $html = '<!DOCTYPE html><html lang="' . current_language() . '"><head><meta charset="utf-8"><title>'
            . htmlspecialchars($PAGE->title) . '</title></head><body><nav class="breadcrumb">';
        foreach ($PAGE->crumbs as $crumb) {
            $html .= '<a class="breadcrumb-item" href="' . htmlspecialchars((string) $crumb['url']) . '">'
                . htmlspecialchars($crumb['text']) . '</a> ';
        }
        $html .= '</nav><h1>' . htmlspecialchars($PAGE->heading) . '</h1><div id="region-main">';
        // Moodle shows a notification's message as HTML (core/notification_* print {{{message}}} after
        // clean_text()): a caller must escape the values it puts in. The stand-in prints it as given, so
        // that an unescaped value shows up in the tests instead of being hidden by escaping done here.
        foreach ($_SESSION['notifications'] as $notification) {
            $html .= '<div class="alert alert-' . $notification['type'] . '" role="alert" data-region="notification">'
                . $notification['message'] . '</div>';
        }
        $_SESSION['notifications'] = [];
        return $html;
    }

    /**
     * Stand-in.
     *
     * @return string
     */
    public function footer() {
        return '</div></body></html>';
    }

    /**
     * Turns tokens into a tree of text, variables and sections.
     *
     * @param array $tokens
     * @param int $position
     * @param string|null $closing the section being read
     * @return array
     */
    private function parse(array $tokens, int &$position, ?string $closing = null): array {
        $nodes = [];
        while ($position < count($tokens)) {
            $token = $tokens[$position++];
            if (strpos($token, '{{') !== 0) {
                $nodes[] = ['text', $token];
            } else if (strpos($token, '{{{') === 0) {
                $nodes[] = ['raw', trim(substr($token, 3, -3))];
            } else {
                $tag = trim(substr($token, 2, -2));
                $kind = $tag[0];
                $name = trim(substr($tag, 1));
                if ($kind === '!') {
                    continue;
                } else if ($kind === '/') {
                    return $nodes;
                } else if ($kind === '#' || $kind === '^') {
                    $nodes[] = [$kind, $name, $this->parse($tokens, $position, $name)];
                } else {
                    $nodes[] = ['var', $tag];
                }
            }
        }
        return $nodes;
    }

    /**
     * Renders a tree against a context stack.
     *
     * @param array $nodes
     * @param array $stack
     * @return string
     */
    private function walk(array $nodes, array $stack): string {
        $html = '';
        foreach ($nodes as $node) {
            if ($node[0] === 'text') {
                $html .= $node[1];
            } else if ($node[0] === 'raw') {
                $html .= (string) $this->lookup($node[1], $stack);
            } else if ($node[0] === 'var') {
                $html .= htmlspecialchars((string) $this->lookup($node[1], $stack), ENT_QUOTES);
            } else if ($node[0] === '#' && $node[1] === 'str') {
                $args = array_map('trim', explode(',', $this->walk($node[2], $stack), 3));
                $html .= get_string($args[0], $args[1], $args[2] ?? null);
            } else {
                $value = $this->lookup($node[1], $stack);
                $islist = is_array($value) && array_is_list($value);
                if ($node[0] === '^') {
                    $html .= empty($value) ? $this->walk($node[2], $stack) : '';
                } else if ($islist) {
                    foreach ($value as $item) {
                        $html .= $this->walk($node[2], array_merge($stack, [$item]));
                    }
                } else if (!empty($value)) {
                    $html .= $this->walk($node[2], array_merge($stack, [$value]));
                }
            }
        }
        return $html;
    }

    /**
     * Finds a name in the context stack, innermost first.
     *
     * @param string $name
     * @param array $stack
     * @return mixed
     */
    private function lookup(string $name, array $stack) {
        if ($name === '.') {
            return end($stack);
        }
        $parts = explode('.', $name);
        for ($i = count($stack) - 1; $i >= 0; $i--) {
            if (is_array($stack[$i]) && array_key_exists($parts[0], $stack[$i])) {
                $value = $stack[$i][$parts[0]];
                foreach (array_slice($parts, 1) as $part) {
                    $value = is_array($value) ? ($value[$part] ?? null) : null;
                }
                return $value;
            }
        }
        return null;
    }
}

$PAGE = new moodle_page();
$OUTPUT = new renderer_base();

import MarkdownIt from 'markdown-it';
import fn from 'markdown-it-footnote';
const md=MarkdownIt({html:true}).use(fn);
md.core.ruler.disable(['inline','text_join','footnote_tail']);
const src="## KJ 1\n\nStatement here.\n\n- a[^1]\n  - nested\n- b\n\n> quote\n> more\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: Reuters, 2024.\n    More text.\n\n[x]: http://a\n";
for (const t of md.parse(src,{})) console.log(t.type, JSON.stringify(t.map), t.level, JSON.stringify(t.meta), t.hidden, JSON.stringify(t.content).slice(0,40));

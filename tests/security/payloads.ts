/**
 * A battery of cross-site scripting vectors (OWASP cheat sheet and PortSwigger style), written out
 * here. Each payload is a function of a call expression: every vector that manages to run script
 * calls `__xss(<id>)`, a global the browser test installs before any page script, so execution is
 * detected whether or not a Content-Security-Policy would have stopped it. Payloads avoid NUL
 * (a NUL byte makes the whole file fail to load, see malformed.test.ts).
 */
export interface Payload {
  id: number;
  name: string;
  /** The vector with its call to __xss(id). */
  text: string;
}

type Vector = [name: string, make: (call: string, id: number) => string];

const dec = (s: string, pad = 0) => [...s].map((c) => `&#${String(c.codePointAt(0)).padStart(pad, '0')};`).join('');
const hex = (s: string) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const pct = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

const VECTORS: Vector[] = [
  // <script> in its many spellings
  ['script', (c) => `<script>${c}</script>`],
  ['script uppercase', (c) => `<SCRIPT>${c}</SCRIPT>`],
  ['script mixed case + attrs', (c) => `<ScRiPt type="text/javascript">${c}</sCrIpT>`],
  ['script slash attr', (c) => `<script/x>${c}</script>`],
  ['script module', (c) => `<script type="module">${c}</script>`],
  ['script src data:', (c) => `<script src="data:text/javascript,${c}"></script>`],
  ['script nested split', (c) => `<scr<script>ipt>${c}</scr</script>ipt>`],
  ['double open', (c) => `<<script>${c}//<</script>`],
  ['attribute breakout "', (c) => `"><script>${c}</script>`],
  ["attribute breakout '", (c) => `'><script>${c}</script>`],
  ['close title', (c) => `</title><script>${c}</script>`],
  ['close textarea', (c) => `</textarea><script>${c}</script>`],
  ['close script (JSON-LD)', (c) => `</script><script>${c}</script>`],
  ['close script uppercase', (c) => `</SCRIPT ><script>${c}</script>`],
  ['close style', (c) => `</style><script>${c}</script>`],
  ['close noscript', (c) => `</noscript><script>${c}</script>`],
  ['svg script', (c) => `<svg><script>${c}</script></svg>`],
  ['svg script href data', (c) => `<svg><script href="data:,${c}"/></svg>`],
  // event handlers
  ['img onerror', (c) => `<img src=x onerror=${c}>`],
  ['img onerror quoted', (c) => `<img src="x" onerror="${c}">`],
  ['IMG ONERROR upper', (c) => `<IMG SRC=x ONERROR=${c}>`],
  ['img onerror mixed', (c) => `<img src=x oNeRrOr=${c}>`],
  ['img slashes', (c) => `<img/src=x/onerror=${c}>`],
  ['img onerror entity', (c) => `<img src=x onerror="${hex(c)}">`],
  ['img onerror eval atob', (c) => `<img src=x onerror="eval(atob('${b64(c)}'))">`],
  ['img onerror javascript:', (c) => `<img src=x onerror="javascript:${c}">`],
  ['img unclosed', (c) => `<img src=x onerror=${c}//`],
  ['img no >', (c) => `<img src=x onerror=${c} `],
  ['img backtick', (c) => `<img src=\`x\` onerror=${c}>`],
  ['img x:x', (c) => `<img src=x:x onerror=${c}>`],
  ['img formfeed', (c) => `<img\fsrc=x\fonerror=${c}>`],
  ['img vtab', (c) => `<img src=x onerror\v=${c}>`],
  ['svg onload', (c) => `<svg onload=${c}>`],
  ['svg/onload', (c) => `<svg/onload=${c}>`],
  ['svg animate onbegin', (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s>`],
  ['svg set onbegin', (c) => `<svg><set onbegin=${c} attributeName=x to=1 />`],
  ['svg image onerror', (c) => `<svg><image href=x onerror=${c} /></svg>`],
  ['svg foreignObject iframe', (c) => `<svg><foreignObject><iframe onload=${c}></iframe></foreignObject></svg>`],
  ['body onload', (c) => `<body onload=${c}>`],
  ['body onpageshow', (c) => `<body onpageshow=${c}>`],
  ['frameset onload', (c) => `<frameset onload=${c}>`],
  ['html onmouseover', (c) => `<html onmouseover=${c}>`],
  ['input autofocus onfocus', (c) => `<input autofocus onfocus=${c}>`],
  ['input onfocusin', (c) => `<input value=x autofocus onfocusin=${c}>`],
  ['select autofocus', (c) => `<select autofocus onfocus=${c}></select>`],
  ['textarea autofocus', (c) => `<textarea autofocus onfocus=${c}></textarea>`],
  ['keygen autofocus', (c) => `<keygen autofocus onfocus=${c}>`],
  ['input type=image', (c) => `<input type=image src=x onerror=${c}>`],
  ['video source onerror', (c) => `<video><source onerror=${c}></video>`],
  ['audio onerror', (c) => `<audio src=x onerror=${c}>`],
  ['video onerror', (c) => `<video src=x onerror=${c}></video>`],
  ['details ontoggle', (c) => `<details open ontoggle=${c}><summary>x</summary></details>`],
  ['marquee onstart', (c) => `<marquee onstart=${c}>x</marquee>`],
  ['div onmouseover', (c) => `<div onmouseover=${c}>hover</div>`],
  ['a onmouseover', (c) => `<a onmouseover=${c}>hover</a>`],
  ['p onclick', (c) => `<p onclick=${c}>click</p>`],
  ['button onclick', (c) => `<button onclick=${c}>click</button>`],
  ['custom element onclick', (c) => `<x-y onclick=${c}>click</x-y>`],
  ['contenteditable onblur', (c) => `<div contenteditable autofocus onblur=${c} onfocus=${c}>x</div>`],
  ['a tabindex onfocus', (c) => `<a id=x tabindex=1 onfocus=${c}>x</a>`],
  ['iframe onload', (c) => `<iframe onload=${c}></iframe>`],
  ['object onerror', (c) => `<object data=x onerror=${c}></object>`],
  ['style onload', (c) => `<style onload=${c}></style>`],
  ['link onerror', (c) => `<link rel=stylesheet href=x onerror=${c}>`],
  ['animationstart', (c) => `<style>@keyframes k{}</style><div style="animation-name:k" onanimationstart=${c}>x</div>`],
  ['transitionend', (c) => `<div style="transition:color 1s" ontransitionend=${c}>x</div>`],
  // dangerous elements
  ['iframe javascript:', (c) => `<iframe src="javascript:${c}"></iframe>`],
  ['iframe srcdoc', (c) => `<iframe srcdoc="&lt;img src=x onerror=${c}&gt;"></iframe>`],
  ['iframe data:', (c) => `<iframe src="data:text/html,<script>${c}</script>"></iframe>`],
  ['embed javascript:', (c) => `<embed src="javascript:${c}">`],
  [
    'embed data svg',
    (c) => `<embed type="image/svg+xml" src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${c}'/>">`,
  ],
  ['object javascript:', (c) => `<object data="javascript:${c}"></object>`],
  ['object data html', (c) => `<object data="data:text/html;base64,${b64(`<script>${c}</script>`)}"></object>`],
  ['applet', (c) => `<applet code="javascript:${c}"></applet>`],
  ['base href', (c) => `<base href="javascript:${c}//"><a href="x">base</a>`],
  ['meta refresh', (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`],
  ['meta refresh data', (c) => `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${b64(`<script>${c}</script>`)}">`],
  ['form action', (c) => `<form action="javascript:${c}"><input type=submit></form>`],
  ['button formaction', (c) => `<form><button formaction="javascript:${c}">x</button></form>`],
  ['isindex', (c) => `<isindex action="javascript:${c}" type=image>`],
  ['template', (c) => `<template><img src=x onerror=${c}></template>`],
  ['frame', (c) => `<frameset><frame src="javascript:${c}"></frameset>`],
  // javascript:, data:, vbscript: URLs in Markdown
  ['md link javascript:', (c) => `[click](javascript:${c})`],
  ['md link mixed case', (c) => `[click](JaVaScRiPt:${c})`],
  ['md link entity colon', (c) => `[click](javascript&#58;${c})`],
  ['md link decimal entities', (c) => `[click](${dec('javascript:')}${c})`],
  ['md link hex entity j', (c) => `[click](&#x6A;avascript:${c})`],
  ['md link angle brackets', (c) => `[click](<javascript:${c}>)`],
  ['md link with title', (c) => `[click](javascript:${c} "t")`],
  ['md link comment newline', (c) => `[click](javascript://%0a${c})`],
  ['md link vbscript', (c) => `[click](vbscript:${c})`],
  ['md link data html', (c) => `[click](data:text/html;base64,${b64(`<script>${c}</script>`)})`],
  ['md image javascript:', (c) => `![x](javascript:${c})`],
  ['md image quote breakout', (c) => `![x](x" onerror="${c})`],
  ['md link quote breakout', (c) => `[x](x" onmouseover="${c})`],
  ['md autolink', (c) => `<javascript:${c}>`],
  ['md reference', (c) => `[click][r]\n\n[r]: javascript:${c}`],
  ['md link percent-encoded scheme', (c) => `[click](${pct('javascript')}:${c})`],
  ['md link escaped colon', (c) => `[click](javascript\\:${c})`],
  ['md link in emphasis', (c) => `**[click](javascript:${c})**`],
  // javascript: URLs in raw HTML, obfuscated
  ['a javascript:', (c) => `<a href="javascript:${c}">x</a>`],
  ['a JAVASCRIPT:', (c) => `<a href="JAVASCRIPT:${c}">x</a>`],
  ['a tab inside scheme', (c) => `<a href="java\tscript:${c}">x</a>`],
  ['a tab entity', (c) => `<a href="java&#x09;script:${c}">x</a>`],
  ['a newline entity', (c) => `<a href="jav&#x0A;ascript:${c}">x</a>`],
  ['a CR entity', (c) => `<a href="jav&#13;ascript:${c}">x</a>`],
  ['a leading control char', (c) => `<a href="&#x01;javascript:${c}">x</a>`],
  ['a leading space + SO', (c) => `<a href=" &#14; javascript:${c}">x</a>`],
  ['a &colon;', (c) => `<a href="javascript&colon;${c}">x</a>`],
  [
    'a padded decimal no semicolons',
    (c) => `<a href="${[...'javascript:'].map((ch) => `&#${String(ch.charCodeAt(0)).padStart(7, '0')}`).join('')}${c}">x</a>`,
  ],
  ['a padded decimal', (c) => `<a href="${dec('javascript:', 5)}${c}">x</a>`],
  ['a hex entities', (c) => `<a href="${hex('javascript:')}${c}">x</a>`],
  ['a partial entity', (c) => `<a href=javas&#99;ript:${c}>x</a>`],
  ['a unquoted', (c) => `<a href=javascript:${c}>x</a>`],
  ['a data: html', (c) => `<a href="data:text/html,<script>${c}</script>">x</a>`],
  ['a vbscript:', (c) => `<a href="vbscript:${c}">x</a>`],
  ['a onclick + javascript:void', (c) => `<a href="javascript:void(0)" onclick="${c}">x</a>`],
  ['a ping', (c) => `<a href="https://example.com/" ping="javascript:${c}">x</a>`],
  ['area href', (c) => `<map name=m><area shape=rect coords=0,0,9,9 href="javascript:${c}"></map><img usemap=#m src=x>`],
  ['img src javascript:', (c) => `<img src="javascript:${c}">`],
  ['img srcset javascript:', (c) => `<img srcset="javascript:${c}">`],
  ['img dynsrc', (c) => `<img dynsrc="javascript:${c}">`],
  ['video poster', (c) => `<video poster="javascript:${c}"></video>`],
  ['bgsound', (c) => `<bgsound src="javascript:${c}">`],
  ['table background', (c) => `<table background="javascript:${c}"><tr><td background="javascript:${c}">x</td></tr></table>`],
  ['blockquote cite', (c) => `<blockquote cite="javascript:${c}">x</blockquote>`],
  ['svg a xlink:href', (c) => `<svg><a xlink:href="javascript:${c}"><text x=20 y=20>XSS</text></a></svg>`],
  ['svg a href', (c) => `<svg><a href="javascript:${c}"><text x=20 y=20>XSS</text></a></svg>`],
  [
    'svg animate href',
    (c) => `<svg><animate xlink:href=#xx attributeName=href values="javascript:${c}" /><a id=xx><text x=20 y=20>XSS</text></a></svg>`,
  ],
  [
    'svg use data',
    (c) =>
      `<svg><use href="data:image/svg+xml,&lt;svg id='x' xmlns='http://www.w3.org/2000/svg'&gt;&lt;image href='1' onerror='${c}' /&gt;&lt;/svg&gt;#x" /></svg>`,
  ],
  ['math maction', (c) => `<math><maction actiontype="statusline" xlink:href="javascript:${c}">click</maction></math>`],
  ['math href', (c) => `<math href="javascript:${c}"><mtext>click</mtext></math>`],
  // CSS
  ['style attr url javascript', (c) => `<div style="background:url(javascript:${c})">x</div>`],
  ['style attr expression', (c) => `<div style="width:expression(${c})">x</div>`],
  ['style element url', (c) => `<style>*{background:url("javascript:${c}")}</style>`],
  ['style import data', (c) => `<style>@import 'data:,*{x:expression(${c})}';</style>`],
  ['link stylesheet data', (c) => `<link rel=stylesheet href="data:,*%7bx:expression(${c})%7d">`],
  // mutation XSS: markup that changes meaning when serialized and parsed again
  ['mXSS math mtext table mglyph style', (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`],
  ['mXSS svg p style', (c) => `<svg></p><style><a id="</style><img src=1 onerror=${c}>">`],
  ['mXSS noscript title', (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`],
  ['mXSS textarea in svg', (c) => `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${c} src=1>">`],
  ['mXSS form math', (c) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${c}>`],
  ['mXSS noembed', (c) => `<noembed><img title="</noembed><img src=x onerror=${c}>"></noembed>`],
  ['mXSS comment', (c) => `<!--<img src="--><img src=x onerror=${c}//">`],
  ['mXSS CDATA', (c) => `<![CDATA[<img src=x onerror=${c}>]]>`],
  ['mXSS svg CDATA', (c) => `<svg><![CDATA[><img src=x onerror=${c}>]]></svg>`],
  ['mXSS svg style', (c) => `<svg><style><img src=x onerror=${c}></style></svg>`],
  ['mXSS xmp', (c) => `<xmp></xmp><img src=x onerror=${c}>`],
  ['processing instruction', (c) => `<?xml version="1.0"?><img src=x onerror=${c}>`],
  ['comment close', (c) => `--><img src=x onerror=${c}>`],
  // DOM clobbering of the detector and of globals
  ['clobber form name', (c) => `<form name="__xss"></form><img src=x onerror=${c}>`],
  ['clobber id', (c) => `<a id="__xss" name="__xss"></a><img src=x id=alert name=alert onerror=${c}>`],
  // attribute and JSON-LD breakouts aimed at front matter fields
  ['attr breakout onmouseover "', (c) => `" onmouseover="${c}" x="`],
  ["attr breakout onmouseover '", (c) => `' onmouseover='${c}' x='`],
  ['attr breakout autofocus', (c) => `" autofocus onfocus="${c}`],
  ['JSON-LD close + img', (c) => `</script><img src=x onerror=${c}>`],
  ['JSON-LD quote breakout', (c) => `","x":"</script><script>${c}</script>`],
  ['line separator breakout', (c) => `\u2028\u2029</script><script>${c}</script>`],
  // template syntax: never evaluated (the text must survive as text; see the template check)
  ['nunjucks expression', (c, id) => `{{ "tple" ~ "val-" ~ ${id} ~ "." }}<img src=x onerror=${c}>`],
  ['nunjucks set', (c, id) => `{% set tplx = "tpls" ~ "et-${id}." %}{{ tplx }}<img src=x onerror=${c}>`],
  ['nunjucks constructor RCE', (c, id) => `{{ range.constructor("return 'tplr' + 'ce-${id}.'")() }}<svg onload=${c}>`],
  ['nunjucks raw close', (c) => `{% endraw %}{{ 7*7 }}<img src=x onerror=${c}>`],
  ['template literal', (c) => '${' + c + '}' + `<img src=x onerror=${c}>`],
  ['angular expression', (c) => `{{constructor.constructor('${c}')()}}`],
];

export const PAYLOADS: Payload[] = VECTORS.map(([name, make], i) => ({ id: i + 1, name, text: make(`__xss(${i + 1})`, i + 1) }));

/** Text that would appear in the output only if a template tag in content had been evaluated. */
export const TEMPLATE_MARKERS = PAYLOADS.flatMap((p) => [`tpleval-${p.id}.`, `tplset-${p.id}.`, `tplrce-${p.id}.`]);

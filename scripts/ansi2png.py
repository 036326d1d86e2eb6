"""Draws a `tmux capture-pane -e -p` dump as a PNG on an exact cell grid.

Usage: tmux capture-pane -e -p -t SESSION > shot.ansi
       python3 scripts/ansi2png.py shot.ansi shot.png COLS ROWS
Needs pillow, fonttools and wcwidth (pip) and Debian fonts-noto-cjk and
fonts-noto-color-emoji. README screenshots in assets/ are made with it, from
the built-in sample articles only.
"""
import os, re, sys
from PIL import Image, ImageDraw, ImageFont
from wcwidth import wcwidth

src, dst, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
FONT = os.environ.get("CJK_FONT", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
BOLD = os.environ.get("CJK_FONT_BOLD", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
size = 16
# index 4 in the collection is usually "Noto Sans Mono CJK TC"; find it by name
def mono(path):
    for i in range(12):
        try:
            f = ImageFont.truetype(path, size, index=i)
        except Exception:
            break
        if f.getname()[0] == "Noto Sans Mono CJK TC":
            return f
    return ImageFont.truetype(path, size)
font, bold = mono(FONT), mono(BOLD)
EMOJI = ImageFont.truetype(os.environ.get("EMOJI_FONT", "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"), 109)
from fontTools.ttLib import TTFont
_cmap = TTFont(FONT, fontNumber=0).getBestCmap()
def has_glyph(c):
    return ord(c) in _cmap
def draw_emoji(img, c, px, py, w):
    tile = Image.new("RGBA", (136, 128), (0, 0, 0, 0))
    ImageDraw.Draw(tile).text((0, 0), c, font=EMOJI, embedded_color=True)
    tile = tile.resize((w*cw, ch - 2))
    img.paste(tile, (px, py + 1), tile)
cw, ch = 9, 21
PAL = [(0,0,0),(205,49,49),(13,188,121),(229,229,16),(36,114,200),(188,63,188),(17,168,205),(229,229,229),
       (102,102,102),(241,76,76),(35,209,139),(245,245,67),(59,142,234),(214,112,214),(41,184,219),(255,255,255)]
def c256(n):
    if n < 16: return PAL[n]
    if n < 232:
        n -= 16; v = [0,95,135,175,215,255]
        return (v[n//36], v[(n//6)%6], v[n%6])
    g = 8 + (n-232)*10; return (g,g,g)
DEF_FG, DEF_BG = (220,220,220), (16,16,20)
img = Image.new("RGB", (cols*cw+20, rows*ch+20), DEF_BG)
d = ImageDraw.Draw(img)
lines = open(src, encoding="utf-8").read().split("\n")[:rows]
fg, bg, b, dim, rev = DEF_FG, None, False, False, False
for y, line in enumerate(lines):
    x = 0
    for tok in re.split(r"(\x1b\[[0-9;:]*m)", line):
        if tok.startswith("\x1b["):
            ps = [p for p in re.split("[;:]", tok[2:-1])] or ["0"]
            ps = [int(p) if p else 0 for p in ps]
            i = 0
            while i < len(ps):
                p = ps[i]
                if p == 0: fg, bg, b, dim, rev = DEF_FG, None, False, False, False
                elif p == 1: b = True
                elif p == 2: dim = True
                elif p == 7: rev = True
                elif p in (22,): b = dim = False
                elif p == 27: rev = False
                elif 30 <= p <= 37: fg = PAL[p-30]
                elif 90 <= p <= 97: fg = PAL[p-90+8]
                elif p == 39: fg = DEF_FG
                elif 40 <= p <= 47: bg = PAL[p-40]
                elif 100 <= p <= 107: bg = PAL[p-100+8]
                elif p == 49: bg = None
                elif p in (38, 48) and i+1 < len(ps):
                    if ps[i+1] == 5: col = c256(ps[i+2]); i += 2
                    else: col = tuple(ps[i+2:i+5]); i += 4
                    if p == 38: fg = col
                    else: bg = col
                i += 1
            continue
        for c in tok:
            w = wcwidth(c)
            if w < 0: continue
            if w == 0: continue
            f_, b_ = (bg or DEF_BG, fg) if rev else (fg, bg)
            if dim: f_ = tuple(int(v*0.6) for v in f_)
            px, py = 10 + x*cw, 10 + y*ch
            if b_ is not None:
                d.rectangle([px, py, px + w*cw - 1, py + ch - 1], fill=b_)
            if c != " " and not has_glyph(c) and ord(c) > 0x2000:
                draw_emoji(img, c, px, py, w)
            elif c != " ":
                d.text((px, py + 1), c, font=bold if b else font, fill=f_)
            x += w
img.save(dst)

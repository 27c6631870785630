#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Computes the exchange digest as docs/exchange-format.md defines it and writes it into FILE.
import sys, re, hashlib, xml.etree.ElementTree as ET
NS = 'urn:jiandu:exchange:1'
def esc(s): return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r')
def split(tag):
    if tag.startswith('{'):
        ns, _, local = tag[1:].partition('}'); return ns, local
    return '', tag
def walk(el, out):
    ns, local = split(el.tag)
    out.append('S%s %s' % (ns, local))
    attrs = sorted((split(k) + (v,) for k, v in el.attrib.items()), key=lambda t: (t[0].encode(), t[1].encode()))
    for ans, alocal, v in attrs:
        out.append('A%s %s=%s' % (ans, alocal, esc(v)))
    if el.text and el.text.strip(' \t\r\n'): out.append('T' + esc(el.text))
    for child in el:
        walk(child, out)
        if child.tail and child.tail.strip(' \t\r\n'): out.append('T' + esc(child.tail))
    out.append('E')
def digest(path):
    root = ET.parse(path).getroot()
    out = []
    for child in root:
        if child.tag in ('{%s}header' % NS, '{%s}digest' % NS): continue
        walk(child, out)
    return hashlib.sha256(''.join(l + '\n' for l in out).encode('utf-8')).hexdigest()
if __name__ == '__main__':
    path = sys.argv[1]
    d = digest(path)
    text = open(path, encoding='utf-8').read()
    text = re.sub(r'(<digest algorithm="sha-256">)[0-9a-f]*(</digest>)', r'\g<1>' + d + r'\g<2>', text)
    open(path, 'w', encoding='utf-8').write(text)
    print(d)

#!/usr/bin/python3
"""Validates an Eagle library (.lbr) against Eagle's DTD with lxml (Debian's python3-lxml).

    npx a4s eagle-lib /tmp/Panasonic_A4S.lbr
    /usr/bin/python3 scripts/eagle-dtd-check.py /tmp/Panasonic_A4S.lbr /path/to/eagle.dtd

The DTD is not in this repository: it is Autodesk's (CC BY-ND 3.0), shipped with Eagle
(eagle-9.x/doc/eagle.dtd). Exit 0 valid, 1 invalid (errors printed), 2 usage.
"""
import sys

from lxml import etree

if len(sys.argv) != 3:
    print(__doc__, file=sys.stderr)
    sys.exit(2)
dtd = etree.DTD(open(sys.argv[2], 'rb'))
doc = etree.parse(sys.argv[1])
if dtd.validate(doc):
    print(f'{sys.argv[1]}: valid against {sys.argv[2]}')
    sys.exit(0)
for e in dtd.error_log.filter_from_errors()[:50]:
    print(e, file=sys.stderr)
sys.exit(1)

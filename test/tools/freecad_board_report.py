"""Reads a board STEP file that KiCad exported ($A4S_STEP) with FreeCAD (OpenCASCADE) and prints
every solid (bounding box, volume, validity). For each solid whose bounding box matches one of the
boxes in $A4S_BODIES (JSON list of [xmin, ymin, zmin, xmax, ymax, zmax], mm) it also reports the
common volume with every other solid that touches its box. Run with /usr/bin/python3."""
import json
import os
import sys

sys.path.append('/usr/lib/freecad-python3/lib')
sys.path.append('/usr/lib/freecad/lib')
import FreeCAD  # noqa: E402,F401
import Part  # noqa: E402


def box(b):
    return [b.XMin, b.YMin, b.ZMin, b.XMax, b.YMax, b.ZMax]


shape = Part.Shape()
shape.read(os.environ['A4S_STEP'])
solids = shape.Solids
bodies = json.loads(os.environ.get('A4S_BODIES', '[]'))
boxes = [box(s.BoundBox) for s in solids]
near = lambda a, b: all(abs(x - y) <= 0.01 for x, y in zip(a, b))
overlap = lambda a, b: a[0] < b[3] and b[0] < a[3] and a[1] < b[4] and b[1] < a[4] and a[2] < b[5] and b[2] < a[5]
out = {'solids': [{'bbox': boxes[i], 'volume': s.Volume, 'isValid': s.isValid()} for i, s in enumerate(solids)], 'bodies': []}
for want in bodies:
    found = [i for i, b in enumerate(boxes) if near(b, want)]
    entry = {'want': want, 'found': found, 'common': []}
    for i in found:
        for j, b in enumerate(boxes):
            if j != i and overlap(b, boxes[i]):
                entry['common'].append({'solid': j, 'volume': solids[i].common(solids[j]).Volume})
    out['bodies'].append(entry)
print('A4S-REPORT-BEGIN')
print(json.dumps(out))
print('A4S-REPORT-END')
sys.stdout.flush()
os._exit(0)

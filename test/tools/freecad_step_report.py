"""Opens every STEP file in $A4S_STEP_DIR with FreeCAD (OpenCASCADE), an independent reader, and
prints one JSON report: per file the solids (validity, volume, bounding box), stray shells/faces,
and the whole shape's bounding box. Run with /usr/bin/python3 (FreeCAD's modules on sys.path)."""
import glob
import json
import os
import sys

sys.path.append('/usr/lib/freecad-python3/lib')
sys.path.append('/usr/lib/freecad/lib')
import FreeCAD  # noqa: E402,F401
import Part  # noqa: E402


def box(b):
    return [b.XMin, b.YMin, b.ZMin, b.XMax, b.YMax, b.ZMax]


def report(path):
    shape = Part.Shape()
    try:
        shape.read(path)
    except Exception as exc:  # a file OpenCASCADE cannot read at all
        return {'file': os.path.basename(path), 'error': str(exc)}
    solids = shape.Solids
    # Faces not bounded by a solid: OpenCASCADE turns a broken solid into a shell or loose faces.
    faces_in_solids = sum(len(s.Faces) for s in solids)
    # The largest solid (a connector's body): its common volume with every other solid, which is ~0
    # when the contacts and terminals lie outside it (an interference check sees no overlap).
    body = max(solids, key=lambda x: x.Volume) if solids else None
    common = [body.common(x).Volume for x in solids if x is not body] if body is not None and os.environ.get('A4S_COMMON', '1') == '1' else []
    return {
        'file': os.path.basename(path),
        'bodyCommon': common,
        'isValid': shape.isValid(),
        'shapeType': shape.ShapeType,
        'solids': [{'isValid': s.isValid(), 'isClosed': s.isClosed(), 'volume': s.Volume, 'faces': len(s.Faces), 'bbox': box(s.BoundBox)} for s in solids],
        'faces': len(shape.Faces),
        'facesOutsideSolids': len(shape.Faces) - faces_in_solids,
        'bbox': box(shape.BoundBox) if not shape.isNull() else None,
    }


files = sorted(glob.glob(os.path.join(os.environ['A4S_STEP_DIR'], '*.step')))
print('A4S-REPORT-BEGIN')
print(json.dumps([report(f) for f in files]))
print('A4S-REPORT-END')
sys.stdout.flush()
os._exit(0)

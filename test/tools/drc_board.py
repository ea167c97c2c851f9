"""Builds a test board with KiCad's own pcbnew (run with /usr/bin/python3, KiCad 8 or later):
the footprints named in $A4S_FOOTPRINTS from the library in $A4S_LIB, one below the other, every
pad on a net of its own (the soldering terminals "MP" of a footprint on one net), an Edge.Cuts
outline, and the default netclass clearance $A4S_CLEARANCE_MM. With $A4S_CANARY_GAP_MM set, two
tracks of different nets that far apart are added away from the connectors, so a test can show
that a rule file does not lower the clearance elsewhere. Writes $A4S_BOARD and prints JSON."""
import json
import os
import shutil
import sys

import pcbnew

lib = os.environ['A4S_LIB']
board_path = os.environ['A4S_BOARD']
names = [n for n in os.environ['A4S_FOOTPRINTS'].split(',') if n]
clearance = float(os.environ.get('A4S_CLEARANCE_MM', '0.2'))
canary = os.environ.get('A4S_CANARY_GAP_MM')
# A PCM install puts the .pretty folder elsewhere and names the library PCM_Panasonic_A4S: both can be given.
pretty = os.environ.get('A4S_PRETTY') or os.path.join(lib, 'Panasonic_A4S.pretty')
nickname = os.environ.get('A4S_NICKNAME') or 'Panasonic_A4S'
MM = pcbnew.FromMM

board = pcbnew.NewBoard(board_path)
ds = board.GetDesignSettings()
ds.m_NetSettings.GetDefaultNetclass().SetClearance(MM(clearance))
ds.m_MinClearance = MM(min(clearance, 0.1))
ds.m_TrackMinWidth = MM(0.1)

def net(name):
    item = pcbnew.NETINFO_ITEM(board, name)
    board.Add(item)
    return item

placed = []
y = 10.0
x0 = 20.0
for i, name in enumerate(names):
    fp = pcbnew.FootprintLoad(pretty, name)
    if fp is None:
        print(json.dumps({'error': 'cannot load ' + name}))
        os._exit(3)
    fp.SetFPID(pcbnew.LIB_ID(nickname, name))
    ref = 'J%d' % (i + 1)
    fp.SetReference(ref)
    fp.SetPosition(pcbnew.VECTOR2I(MM(x0), MM(y)))
    board.Add(fp)
    mp = net(ref + '-MP')
    for pad in fp.Pads():
        if pad.GetNumber() == '':
            continue
        pad.SetNet(mp if pad.GetNumber() == 'MP' else net('%s-%s' % (ref, pad.GetNumber())))
    placed.append({'ref': ref, 'name': name, 'x': x0, 'y': y})
    y += 8.0

if canary:
    gap = float(canary)
    width = 0.2
    for k, n in enumerate((net('CANARY_A'), net('CANARY_B'))):
        t = pcbnew.PCB_TRACK(board)
        yy = y + k * (width + gap)
        t.SetStart(pcbnew.VECTOR2I(MM(x0 - 5), MM(yy)))
        t.SetEnd(pcbnew.VECTOR2I(MM(x0 + 5), MM(yy)))
        t.SetWidth(MM(width))
        t.SetLayer(pcbnew.F_Cu)
        t.SetNet(n)
        board.Add(t)
    y += 4.0

# With $A4S_NEIGHBOUR_GAP_MM: a 0.1 mm track of another net ending that far outside pad 1 of J1 (beyond
# its outer edge, away from the connector), to show what the footprint's own clearance lets come near it.
neighbour = os.environ.get('A4S_NEIGHBOUR_GAP_MM')
if neighbour:
    fp = board.FindFootprintByReference('J1')
    pad = [p for p in fp.Pads() if p.GetNumber() == '1'][0]
    box = pad.GetBoundingBox()
    width = 0.1
    outward = 1 if pad.GetPosition().y > fp.GetPosition().y else -1
    edge = box.GetBottom() if outward > 0 else box.GetTop()
    start_y = edge + outward * MM(float(neighbour) + width / 2)
    t = pcbnew.PCB_TRACK(board)
    t.SetStart(pcbnew.VECTOR2I(pad.GetPosition().x, start_y))
    t.SetEnd(pcbnew.VECTOR2I(pad.GetPosition().x - MM(2), start_y + outward * MM(2)))
    t.SetWidth(MM(width))
    t.SetLayer(pcbnew.F_Cu)
    t.SetNet(net('NEIGHBOUR'))
    board.Add(t)

# Board outline around everything.
corners = [(0, 0), (2 * x0, 0), (2 * x0, y + 4), (0, y + 4)]
for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1]):
    s = pcbnew.PCB_SHAPE(board)
    s.SetShape(pcbnew.SHAPE_T_SEGMENT)
    s.SetStart(pcbnew.VECTOR2I(MM(ax), MM(ay)))
    s.SetEnd(pcbnew.VECTOR2I(MM(bx), MM(by)))
    s.SetLayer(pcbnew.Edge_Cuts)
    s.SetWidth(MM(0.1))
    board.Add(s)

pcbnew.SaveBoard(board_path, board)
# The library table next to the board, so that DRC compares the footprints with the library.
if os.environ.get('A4S_PRETTY'):
    table = '(fp_lib_table\n  (lib (name "%s")(type "KiCad")(uri "%s")(options "")(descr ""))\n)\n' % (nickname, pretty)
else:
    with open(os.path.join(lib, 'fp-lib-table')) as f:
        table = f.read().replace('${KIPRJMOD}', lib)
with open(os.path.join(os.path.dirname(board_path), 'fp-lib-table'), 'w') as f:
    f.write(table)
dru = os.environ.get('A4S_DRU')
if dru:
    shutil.copy(dru, os.path.splitext(board_path)[0] + '.kicad_dru')
print(json.dumps({'version': str(pcbnew.Version()), 'placed': placed}))
sys.stdout.flush()
os._exit(0)

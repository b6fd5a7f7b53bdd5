package io.sphere.web.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow as a picture: stages as boxes in columns by their distance from the initial stage, transitions as
 * arrows (forward ones straight, those going back curved underneath). Only numbers are computed here; the template
 * writes the SVG, so that every name and label is escaped by Qute like any other text.
 */
public record WorkflowDiagram(int width, int height, List<Box> boxes, List<Arrow> arrows, List<Flow> flow) {

    static final int BOX_W = 170;
    static final int BOX_H = 46;
    static final int COL_GAP = 90;
    static final int ROW_GAP = 30;
    static final int MARGIN = 20;
    static final int MAX_CHARS = 22;

    /** {@code label} is {@code name} shortened to fit; the full name is the box's tooltip. */
    public record Box(String key, String name, String label, int x, int y, int textX, int textY, boolean initial,
            boolean isFinal) {
    }

    public record Arrow(String path, String label, int labelX, int labelY) {
    }

    /** The same workflow as text: each stage with where its transitions lead (for screen readers and print). */
    public record Flow(String key, String name, boolean initial, boolean isFinal, List<Exit> exits) {
    }

    public record Exit(String label, String toName) {
    }

    /** A stage or transition as the editor holds it; rows with blank or repeated keys are left out. */
    record Stage(String key, String name, boolean initial, boolean isFinal) {
    }

    record Move(String from, String to, String label) {
    }

    static WorkflowDiagram of(List<Stage> stageRows, List<Move> moveRows) {
        Map<String, Stage> stages = new LinkedHashMap<>();
        for (Stage s : stageRows) {
            if (s.key() != null && !s.key().isBlank()) {
                stages.putIfAbsent(s.key().strip(), s);
            }
        }
        List<Move> moves = moveRows.stream().filter(m -> m.from() != null && m.to() != null
                && stages.containsKey(m.from().strip()) && stages.containsKey(m.to().strip()))
                .map(m -> new Move(m.from().strip(), m.to().strip(), m.label())).toList();
        Map<String, Integer> depth = new HashMap<>();
        String start = stages.values().stream().filter(Stage::initial).map(s -> s.key().strip()).findFirst()
                .orElse(stages.isEmpty() ? null : stages.keySet().iterator().next());
        if (start != null) {
            Deque<String> queue = new ArrayDeque<>();
            depth.put(start, 0);
            queue.add(start);
            while (!queue.isEmpty()) {
                String s = queue.poll();
                for (Move m : moves) {
                    if (m.from().equals(s) && !depth.containsKey(m.to())) {
                        depth.put(m.to(), depth.get(s) + 1);
                        queue.add(m.to());
                    }
                }
            }
        }
        int unreachable = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Map<Integer, Integer> rowsInColumn = new HashMap<>();
        Map<String, Box> boxes = new LinkedHashMap<>();
        int maxCol = 0;
        int maxRow = 0;
        for (var e : stages.entrySet()) {
            int col = depth.getOrDefault(e.getKey(), unreachable);
            int row = rowsInColumn.merge(col, 1, Integer::sum) - 1;
            maxCol = Math.max(maxCol, col);
            maxRow = Math.max(maxRow, row);
            int x = MARGIN + col * (BOX_W + COL_GAP);
            int y = MARGIN + row * (BOX_H + ROW_GAP);
            Stage s = e.getValue();
            String name = s.name() == null || s.name().isBlank() ? e.getKey() : s.name().strip();
            boxes.put(e.getKey(), new Box(e.getKey(), name, shorten(name), x, y, x + BOX_W / 2, y + BOX_H / 2 + 5,
                    s.initial(), s.isFinal()));
        }
        List<Arrow> arrows = new ArrayList<>();
        int bottom = MARGIN + (maxRow + 1) * (BOX_H + ROW_GAP) - ROW_GAP;
        int lowest = bottom;
        Map<String, Integer> pairCount = new HashMap<>();
        for (Move m : moves) {
            Box a = boxes.get(m.from());
            Box b = boxes.get(m.to());
            int n = pairCount.merge(m.from() + "\u0000" + m.to(), 1, Integer::sum) - 1;
            String label = shorten(m.label() == null ? "" : m.label().strip());
            if (b.x() > a.x()) {
                int x1 = a.x() + BOX_W;
                int y1 = a.y() + BOX_H / 2 + n * 8;
                int x2 = b.x();
                int y2 = b.y() + BOX_H / 2 + n * 8;
                arrows.add(new Arrow("M" + x1 + " " + y1 + " L" + x2 + " " + y2, label, (x1 + x2) / 2,
                        (y1 + y2) / 2 - 6));
            } else if (a == b) {
                int x = a.x() + BOX_W - 20;
                int y = a.y();
                arrows.add(new Arrow("M" + x + " " + y + " C" + (x - 10) + " " + (y - 30) + " " + (x + 30) + " "
                        + (y - 30) + " " + (x + 12) + " " + y, label, x + 10, Math.max(12, y - 24)));
            } else {
                int x1 = a.x() + BOX_W / 2 - 10 - n * 8;
                int y1 = a.y() + BOX_H;
                int x2 = b.x() + BOX_W / 2 + 10 + n * 8;
                int y2 = b.y() + BOX_H;
                int dip = Math.max(y1, y2) + 40 + n * 14;
                lowest = Math.max(lowest, dip);
                arrows.add(new Arrow("M" + x1 + " " + y1 + " C" + x1 + " " + dip + " " + x2 + " " + dip + " " + x2
                        + " " + y2, label, (x1 + x2) / 2, dip - 4));
            }
        }
        List<Flow> flow = new ArrayList<>();
        for (var e : stages.entrySet()) {
            List<Exit> exits = moves.stream().filter(m -> m.from().equals(e.getKey()))
                    .map(m -> new Exit(m.label() == null ? "" : m.label().strip(), boxes.get(m.to()).name()))
                    .toList();
            Box box = boxes.get(e.getKey());
            flow.add(new Flow(e.getKey(), box.name(), box.initial(), box.isFinal(), exits));
        }
        int width = MARGIN * 2 + (maxCol + 1) * (BOX_W + COL_GAP) - COL_GAP;
        return new WorkflowDiagram(Math.max(width, 200), lowest + MARGIN, List.copyOf(boxes.values()), arrows,
                flow);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }
}

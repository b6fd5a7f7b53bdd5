package io.sphere.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sphere.web.admin.WorkflowDiagram.Move;
import io.sphere.web.admin.WorkflowDiagram.Stage;

class WorkflowDiagramTest {

    private static final List<Stage> STAGES = List.of(new Stage("new", "New", true, false),
            new Stage("doing", "In progress", false, false), new Stage("done", "Done", false, true),
            new Stage("lost", "A stage whose name is far too long for its box", false, true));

    @Test
    void stagesStandInColumnsByTheirDistanceFromTheInitialStage() {
        WorkflowDiagram d = WorkflowDiagram.of(STAGES, List.of(new Move("new", "doing", "Start"),
                new Move("doing", "done", "Finish"), new Move("done", "doing", "Reopen")));
        assertThat(d.boxes()).extracting(WorkflowDiagram.Box::key).containsExactly("new", "doing", "done", "lost");
        assertThat(d.boxes().get(0).x()).isLessThan(d.boxes().get(1).x());
        assertThat(d.boxes().get(1).x()).isLessThan(d.boxes().get(2).x());
        // unreachable stages get a column of their own after the others, never on top of a reachable one
        assertThat(d.boxes().get(3).x()).isGreaterThan(d.boxes().get(2).x());
        assertThat(d.boxes().get(3).label()).endsWith("…").hasSize(WorkflowDiagram.MAX_CHARS);
        assertThat(d.boxes().get(3).name()).isEqualTo("A stage whose name is far too long for its box");
        // forward arrows are straight, the way back is a curve below the boxes
        assertThat(d.arrows().get(0).path()).contains(" L");
        assertThat(d.arrows().get(2).path()).contains(" C");
        assertThat(d.height()).isGreaterThan(WorkflowDiagram.BOX_H + 2 * WorkflowDiagram.MARGIN);
        assertThat(d.flow().get(1).exits()).extracting(WorkflowDiagram.Exit::toName).containsExactly("Done");
    }

    @Test
    void rowsStillBeingTypedNeverBreakThePicture() {
        WorkflowDiagram d = WorkflowDiagram.of(List.of(new Stage("", "", false, false), new Stage("a", null, false,
                false), new Stage("a", "Twice", false, false)), List.of(new Move("a", "nowhere", "x"),
                        new Move(null, "a", null), new Move("a", "a", "again")));
        assertThat(d.boxes()).hasSize(1);
        assertThat(d.boxes().get(0).name()).isEqualTo("a");
        assertThat(d.arrows()).hasSize(1);
        assertThat(WorkflowDiagram.of(List.of(), List.of()).boxes()).isEmpty();
    }
}

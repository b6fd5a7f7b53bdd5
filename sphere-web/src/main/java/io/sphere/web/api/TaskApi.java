package io.sphere.web.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sphere.core.task.TaskInbox;
import io.sphere.core.task.TaskInput;
import io.sphere.core.task.TaskService;
import io.sphere.core.task.TaskView;
import io.sphere.web.security.CurrentUser;
import io.sphere.web.task.Moments;

/** Tasks: the caller's inbox, one task, and every action of the task page; core checks every permission. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskApi {

    /** {@code card}: a card key, or null for a standalone task. */
    public record NewTask(String card, String title, String description, Long assigneeId, Long candidateGroupId,
            Instant dueAt) {
    }

    public record Assignment(Long userId, String reason) {
    }

    public record Reason(String reason) {
    }

    public record TaskJson(long id, String card, String title, String description, Long assigneeId,
            Long candidateGroupId, Instant dueAt, String status, boolean overdue, Long completedById,
            Instant completedAt, Long createdById, Instant createdAt, Map<String, Boolean> allowed) {

        static TaskJson of(TaskView v) {
            return new TaskJson(v.id(), v.card().map(c -> c.key()).orElse(null), v.title(), v.description(),
                    v.assignee().map(u -> u.id()).orElse(null), v.candidateGroupId().orElse(null),
                    v.dueAt().orElse(null), v.status().name(), v.overdue(),
                    v.completedBy().map(u -> u.id()).orElse(null), v.completedAt().orElse(null),
                    v.createdBy().map(u -> u.id()).orElse(null), v.createdAt(),
                    Map.of("edit", v.allowed().edit(), "assign", v.allowed().assign(), "claim", v.allowed().claim(),
                            "complete", v.allowed().complete(), "cancel", v.allowed().cancel(), "reopen",
                            v.allowed().reopen()));
        }
    }

    public record InboxItem(long id, String title, String card, String assignee, String group, Instant dueAt,
            String status, String bucket, Instant completedAt) {
    }

    public record InboxJson(List<InboxItem> items, Map<String, Long> counts, int page, boolean hasNext) {
    }

    private final TaskService tasks;
    private final TaskInbox inbox;
    private final CurrentUser currentUser;

    TaskApi(TaskService tasks, TaskInbox inbox, CurrentUser currentUser) {
        this.tasks = tasks;
        this.inbox = inbox;
        this.currentUser = currentUser;
    }

    /** {@code tab}: mine, groups, completed; {@code due}: overdue, today, upcoming, none; {@code sort}. */
    @GET
    public InboxJson list(@QueryParam("tab") String tab, @QueryParam("q") String q, @QueryParam("due") String due,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page, @QueryParam("card") String card) {
        if (card != null && !card.isBlank()) {
            List<InboxItem> items = tasks.forCard(currentUser.actor(), card).stream()
                    .map(v -> new InboxItem(v.id(), v.title(), v.card().map(c -> c.key()).orElse(null),
                            v.assignee().map(u -> u.displayName()).orElse(null), v.candidateGroupName().orElse(null),
                            v.dueAt().orElse(null), v.status().name(), null, v.completedAt().orElse(null)))
                    .toList();
            return new InboxJson(items, Map.of(), 1, false);
        }
        TaskInbox.Tab t = TaskInbox.Tab.parse(tab);
        ZoneId zone = Moments.zone(currentUser.require());
        TaskInbox.Page p = inbox.list(currentUser.actor(), zone, new TaskInbox.Query(t, q,
                TaskInbox.DueFilter.parse(due), TaskInbox.Sort.parse(sort, t), page == null ? 1 : page));
        List<InboxItem> items = p.items().stream().map(i -> new InboxItem(i.id(), i.title(), i.cardKey().orElse(null),
                i.assigneeName().orElse(null), i.groupName().orElse(null), i.dueAt().orElse(null), i.status().name(),
                i.bucket().name(), i.completedAt().orElse(null))).toList();
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        p.counts().forEach((k, v) -> counts.put(k.param(), v));
        return new InboxJson(items, counts, p.page(), p.hasNext());
    }

    @GET
    @Path("/{id}")
    public TaskJson get(@PathParam("id") long id) {
        return TaskJson.of(tasks.get(currentUser.actor(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewTask body) {
        NewTask b = CardApi.required(body);
        TaskView v = tasks.create(currentUser.actor(), new TaskInput(b.card(), b.title(), b.description(),
                b.assigneeId(), b.candidateGroupId(), b.dueAt()));
        return Response.status(201).entity(TaskJson.of(v)).build();
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskJson assign(@PathParam("id") long id, Assignment body) {
        Assignment b = CardApi.required(body);
        return TaskJson.of(tasks.assign(currentUser.actor(), id, b.userId(), b.reason()));
    }

    @POST
    @Path("/{id}/claim")
    public TaskJson claim(@PathParam("id") long id) {
        return TaskJson.of(tasks.claim(currentUser.actor(), id));
    }

    @POST
    @Path("/{id}/complete")
    public TaskJson complete(@PathParam("id") long id) {
        return TaskJson.of(tasks.complete(currentUser.actor(), id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public TaskJson cancel(@PathParam("id") long id, Reason body) {
        return TaskJson.of(tasks.cancel(currentUser.actor(), id, body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/reopen")
    public TaskJson reopen(@PathParam("id") long id) {
        return TaskJson.of(tasks.reopen(currentUser.actor(), id));
    }
}

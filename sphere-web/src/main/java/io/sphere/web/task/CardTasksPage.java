package io.sphere.web.task;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;

/**
 * The "Tasks" tab of a card. A resource of its own because JAX-RS picks the resource class by its path first:
 * under {@code TaskPage}'s {@code /}, the card pages' {@code /cards} would win and answer 404.
 */
@Path("/cards/{key}/tasks")
@Produces(MediaType.TEXT_HTML)
public class CardTasksPage {

    private final TaskPage tasks;

    CardTasksPage(TaskPage tasks) {
        this.tasks = tasks;
    }

    @GET
    public TemplateInstance show(@PathParam("key") String key) {
        return tasks.cardTasks(key);
    }
}

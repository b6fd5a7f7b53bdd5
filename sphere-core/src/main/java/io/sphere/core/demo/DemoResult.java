package io.sphere.core.demo;

import java.util.List;

/**
 * What {@link DemoService#load} did. {@code users} lists the demo accounts it created with their passwords, which
 * are shown once and stored only hashed; accounts that already existed keep their password and are not listed.
 */
public record DemoResult(boolean alreadyLoaded, String typeKey, List<NewUser> users, int cards) {

    public record NewUser(String email, String password) {
    }
}

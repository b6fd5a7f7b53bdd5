package io.sphere.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string a person reads on a page, in English; the Russian texts are in {@code messages/msg_ru.properties}.
 * Templates use them as {@code {msg:key}}, Java through {@link Locales#messages}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Sphere")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Home")
    String nav_home();

    @Message("Request log")
    String nav_request_log();

    @Message("Log out")
    String logout();

    @Message("Language")
    String language();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Sign in to Sphere")
    String login_title();

    @Message("Cases, tasks and their history, on your own server.")
    String login_intro();

    @Message("E-mail")
    String login_email();

    @Message("Password")
    String login_password();

    @Message("Sign in")
    String login_submit();

    @Message("Wrong e-mail or password, or the account is locked for a while. Check both and try again in a few minutes.")
    String login_failed();

    @Message("Enter your e-mail and password.")
    String login_missing();

    @Message("You have been logged out.")
    String logged_out();

    @Message("Welcome, {name}")
    String welcome_title(String name);

    @Message("Sections you can open")
    String welcome_sections();

    @Message("This start page, with the sections open to you.")
    String section_home_desc();

    @Message("Every request to Sphere: who, when, what and how it went. Filter by user, path, status and time.")
    String section_request_log_desc();

    @Message("Request log")
    String rl_title();

    @Message("User e-mail")
    String rl_filter_user();

    @Message("Path starts with")
    String rl_filter_path();

    @Message("Status")
    String rl_filter_status();

    @Message("From")
    String rl_filter_from();

    @Message("To")
    String rl_filter_to();

    @Message("Any")
    String rl_any();

    @Message("Apply")
    String rl_apply();

    @Message("Reset")
    String rl_reset();

    @Message("Time")
    String rl_col_time();

    @Message("User")
    String rl_col_user();

    @Message("Method")
    String rl_col_method();

    @Message("Path")
    String rl_col_path();

    @Message("Status")
    String rl_col_status();

    @Message("Duration, ms")
    String rl_col_duration();

    @Message("Bytes")
    String rl_col_bytes();

    @Message("Client")
    String rl_col_client();

    @Message("Older entries")
    String rl_next();

    @Message("Newest entries")
    String rl_first();

    @Message("No requests match these filters.")
    String rl_empty();

    @Message("anonymous")
    String rl_anonymous();

    @Message("Times are shown in {zone}. New requests appear after the worker has stored them, usually within a second.")
    String rl_hint(String zone);

    @Message("The message broker is unreachable: {count} request-log entries wait in this server's spool and will be sent when it returns.")
    String rl_spooling(long count);

    @Message("{count} request-log entries were dropped because the spool was full. Check the broker and the spool size (sphere.request-log.spool-max-bytes).")
    String rl_dropped(long count);

    @Message("Enter a date and time such as 2026-01-31T14:30.")
    String rl_invalid_time();

    @Message("Page not found")
    String error_not_found_title();

    @Message("There is nothing at this address, or you may not see it.")
    String error_not_found();

    @Message("Not allowed")
    String error_forbidden_title();

    @Message("You may not open this section. Ask an administrator if you need it.")
    String error_forbidden();

    @Message("Something went wrong")
    String error_title();

    @Message("Sphere could not finish this request. Nothing you saved before is lost. If it happens again, give the administrator this reference: {requestId}")
    String error_generic(String requestId);

    @Message("The form has expired or did not come from this site. Reload the page and try again.")
    String error_csrf();

    @Message("Back to the start page")
    String error_back_home();

    @Message("Not signed in")
    String error_api_unauthorized_title();

    @Message("Sign in, or send a valid personal API token as Authorization: Bearer TOKEN.")
    String error_api_unauthorized();

    @Message("Bad request")
    String error_api_bad_request_title();

    @Message("The request is not valid: this address expects a JSON body of the documented shape.")
    String error_api_bad_request();

    @Message("The request body is not valid JSON.")
    String error_api_malformed();

    @Message("There is no property {name}.")
    String error_api_property_unknown(String name);

    @Message("The property {name} has the wrong type.")
    String error_api_property_type(String name);

    @Message("Send the X-CSRF-TOKEN header with this page's CSRF token, or use a personal API token.")
    String error_api_csrf();

    @Message("API tokens")
    String tokens_title();

    @Message("A personal API token lets a script use the JSON API as you: send it as Authorization: Bearer TOKEN. Revoke a token you no longer need.")
    String tokens_intro();

    @Message("Copy this token now: it is shown only this once.")
    String tokens_created();

    @Message("Name")
    String tokens_name();

    @Message("Create token")
    String tokens_create();

    @Message("You have no API tokens.")
    String tokens_empty();

    @Message("Created")
    String tokens_col_created();

    @Message("Last used")
    String tokens_col_last_used();

    @Message("Status")
    String tokens_col_status();

    @Message("never")
    String tokens_never();

    @Message("Revoke")
    String tokens_revoke();

    @Message("revoked")
    String tokens_revoked();
}

vcl 4.1;
# Varnish in front of the application servers (README "Caching").
#
# - Keeps only what the application marks for it: responses with `s-maxage` in Cache-Control
#   (public pages for anonymous visitors), for that long. Everything else passes.
# - Passes every request that carries a session cookie (a signed-in visitor or learner), and any
#   request other than GET and HEAD; other cookies are dropped from cacheable requests.
# - One object per host and URL (query string included).
# - PURGE from the `purgers` ACL (wagtail.contrib.frontend_cache's HTTP backend, VARNISH_URL)
#   removes the page at that host and path, with every query string (?page=2, ?type=video).
# - `X-Cache: HIT|MISS` on every answer.
#
# deploy/varnish/default.vcl is used as is by tests/cms/test_caching_live.py, which only
# changes the backend's port. Run: varnishd -a :6081 -f /etc/varnish/default.vcl -s malloc,256m

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Lurker-friendly ban: matches the headers stored with each object (vcl_backend_response).
        std.ban("obj.http.X-Cache-Host == " + req.http.host + " && obj.http.X-Cache-Path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin/") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.host);
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "s-maxage=[1-9]") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.http.X-Cache-Host = bereq.http.host;
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

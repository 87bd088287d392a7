#pragma once

namespace dossier {

class RequestContext;

// The operations endpoints, open without a token (they carry no personal
// data): for load balancers, orchestrators and Prometheus.

// GET /healthz: the process answers (liveness).
void HandleHealthz(RequestContext& context);
// GET /readyz: database reachable, a worker alive, queue under its bound;
// 503 with Retry-After otherwise (a load balancer sends traffic elsewhere).
void HandleReadyz(RequestContext& context);
// GET /metrics: Prometheus text, computed from the database so that every
// server of the service shows the same figures.
void HandleMetrics(RequestContext& context);

}  // namespace dossier

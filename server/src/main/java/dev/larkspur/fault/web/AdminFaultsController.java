package dev.larkspur.fault.web;

import dev.larkspur.fault.FaultRule;
import dev.larkspur.fault.FaultSpec;
import dev.larkspur.fault.Faults;
import dev.larkspur.platform.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1/faults}: set, list and remove fault rules (guarded by the admin token). */
@RestController
class AdminFaultsController {
    private final Faults faults;

    AdminFaultsController(Faults faults) {
        this.faults = faults;
    }

    /** A rule as listed: its settings, {@code applied} (how often it acted) and uses left. */
    record RuleView(
            String id,
            String kind,
            String action,
            String appId,
            String path,
            String method,
            double probability,
            Integer count,
            Integer remaining,
            Integer httpStatus,
            Integer code,
            String msg,
            Long latencyMs,
            Long windowMs,
            String createdAt,
            String expiresAt,
            long applied) {
        static RuleView of(FaultRule r) {
            return new RuleView(
                    r.id(),
                    r.action().kind().wireName(),
                    r.action().wireName(),
                    r.appId(),
                    r.path(),
                    r.method(),
                    r.probability(),
                    r.count(),
                    r.remaining(),
                    r.httpStatus() == 0 ? null : r.httpStatus(),
                    r.code() == 0 ? null : r.code(),
                    r.msg(),
                    r.latencyMs() == 0 ? null : r.latencyMs(),
                    r.windowMs() == 0 ? null : r.windowMs(),
                    String.valueOf(r.createdAt()),
                    String.valueOf(r.expiresAt()),
                    r.applied());
        }
    }

    record RulesView(List<RuleView> items) {}

    @PostMapping("/admin/v1/faults")
    ApiResponse<RuleView> add(@RequestBody FaultSpec spec) {
        return ApiResponse.success(RuleView.of(faults.add(spec)));
    }

    @GetMapping("/admin/v1/faults")
    ApiResponse<RulesView> list() {
        return ApiResponse.success(
                new RulesView(faults.list().stream().map(RuleView::of).toList()));
    }

    @GetMapping("/admin/v1/faults/{id}")
    ApiResponse<RuleView> get(@PathVariable("id") String id) {
        return ApiResponse.success(RuleView.of(faults.get(id)));
    }

    @DeleteMapping("/admin/v1/faults/{id}")
    ApiResponse<Map<String, Object>> remove(@PathVariable("id") String id) {
        faults.remove(id);
        return ApiResponse.empty();
    }

    @DeleteMapping("/admin/v1/faults")
    ApiResponse<Map<String, Object>> clear() {
        return ApiResponse.success(Map.<String, Object>of("removed", faults.clear()));
    }
}

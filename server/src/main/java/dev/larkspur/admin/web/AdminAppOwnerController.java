package dev.larkspur.admin.web;

import dev.larkspur.directory.AppOwners;
import dev.larkspur.platform.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An app's owner, a person of its tenant by user_id (the legacy bot/v4/add checks it). */
@RestController
@RequestMapping("/admin/v1/apps/{app_id}/owner")
class AdminAppOwnerController {
    private final AppOwners owners;

    AdminAppOwnerController(AppOwners owners) {
        this.owners = owners;
    }

    record OwnerBody(String userId) {}

    @GetMapping
    ApiResponse<OwnerBody> owner(@PathVariable("app_id") String appId) {
        return ApiResponse.success(new OwnerBody(owners.ownerUserId(appId).orElse(null)));
    }

    @PutMapping
    ApiResponse<OwnerBody> setOwner(
            @PathVariable("app_id") String appId, @RequestBody(required = false) OwnerBody body) {
        var owner = owners.setOwner(appId, body == null ? null : body.userId());
        return ApiResponse.success(new OwnerBody(owner.userId()));
    }
}

package dev.larkspur.media.web;

import dev.larkspur.media.MediaResources;
import dev.larkspur.media.MediaUploads;
import dev.larkspur.platform.ApiAccess;
import dev.larkspur.platform.ApiResponse;
import dev.larkspur.platform.Caller;
import jakarta.servlet.http.Part;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /open-apis/im/v1/images}: upload (multipart) and download by the uploading app. */
@RestController
@RequestMapping("/open-apis/im/v1/images")
class ImageController {
    private final MediaUploads uploads;
    private final MediaResources resources;

    ImageController(MediaUploads uploads, MediaResources resources) {
        this.uploads = uploads;
        this.resources = resources;
    }

    record ImageKey(String imageKey) {}

    // Parts are optional here so that a missing one is Feishu's 234001, not Spring's own error.
    @PostMapping
    @ApiAccess(scopes = {"im:resource", "im:resource:upload"})
    ApiResponse<ImageKey> upload(
            Caller caller,
            @RequestParam(name = "image_type", required = false) String imageType,
            @RequestParam(name = "image", required = false) Part image) {
        return ApiResponse.success(new ImageKey(uploads.uploadImage(caller, imageType, Uploads.of(image))));
    }

    @GetMapping("/{image_key}")
    @ApiAccess
    ResponseEntity<Resource> download(Caller caller, @PathVariable("image_key") String imageKey) {
        return resources.image(caller, imageKey).toResponse();
    }
}

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

/** {@code /open-apis/im/v1/files}: upload (multipart) and download by the uploading app. */
@RestController
@RequestMapping("/open-apis/im/v1/files")
class FileController {
    private final MediaUploads uploads;
    private final MediaResources resources;

    FileController(MediaUploads uploads, MediaResources resources) {
        this.uploads = uploads;
        this.resources = resources;
    }

    record FileKey(String fileKey) {}

    // Parts are optional and duration is text so that bad input is Feishu's 234001, not Spring's.
    @PostMapping
    @ApiAccess(scopes = {"im:resource", "im:resource:upload"})
    ApiResponse<FileKey> upload(
            Caller caller,
            @RequestParam(name = "file_type", required = false) String fileType,
            @RequestParam(name = "file_name", required = false) String fileName,
            @RequestParam(name = "duration", required = false) String duration,
            @RequestParam(name = "file", required = false) Part file) {
        return ApiResponse.success(
                new FileKey(uploads.uploadFile(caller, fileType, fileName, duration, Uploads.of(file))));
    }

    @GetMapping("/{file_key}")
    @ApiAccess
    ResponseEntity<Resource> download(Caller caller, @PathVariable("file_key") String fileKey) {
        return resources.file(caller, fileKey).toResponse();
    }
}

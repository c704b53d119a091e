package dev.larkspur.web.groups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnouncementTextTest {

    @Test
    void aParagraphWrittenInTheLegacyDocFormatReadsBackAsItsText() {
        String request = AnnouncementText.insertRequest("Standup at 10 \"sharp\"\nin room <2>");
        assertThat(request).startsWith("{").contains("InsertBlocksRequestType").doesNotContain("\n");
        assertThat(AnnouncementText.read(request)).isEqualTo("Standup at 10 \"sharp\"\nin room <2>");
    }

    @Test
    void linesThatAreNoInsertRequestShowAsTheyAre() {
        String content = "plain words\n" + AnnouncementText.insertRequest("second") + "\n{\"requestType\":\"Other\"}";
        assertThat(AnnouncementText.read(content)).isEqualTo("plain words\nsecond\n{\"requestType\":\"Other\"}");
    }

    @Test
    void anEmptyAnnouncementReadsAsNothing() {
        assertThat(AnnouncementText.read("")).isEmpty();
        assertThat(AnnouncementText.read(null)).isEmpty();
    }

    @Test
    void everyBlockOfARequestIsAParagraph() {
        String payload = "{\\\"blocks\\\":[{\\\"type\\\":\\\"paragraph\\\",\\\"paragraph\\\":{\\\"elements\\\":"
                + "[{\\\"type\\\":\\\"textRun\\\",\\\"textRun\\\":{\\\"text\\\":\\\"one\\\"}},"
                + "{\\\"type\\\":\\\"textRun\\\",\\\"textRun\\\":{\\\"text\\\":\\\" more\\\"}}]}},"
                + "{\\\"type\\\":\\\"paragraph\\\",\\\"paragraph\\\":{\\\"elements\\\":"
                + "[{\\\"type\\\":\\\"textRun\\\",\\\"textRun\\\":{\\\"text\\\":\\\"two\\\"}}]}}]}";
        String request = "{\"requestType\":\"InsertBlocksRequestType\",\"insertBlocksRequest\":{\"payload\":\""
                + payload + "\"}}";
        assertThat(AnnouncementText.read(request)).isEqualTo("one more\ntwo");
    }
}

package no.samkost.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a list, in a stable order")
public record Page<T>(
        List<T> items,
        @Schema(description = "0-based page number") int page,
        int size,
        long totalItems,
        int totalPages) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}

"""Site stage: digest pages as Markdown (render, escaping, page paths) and writing them safely."""

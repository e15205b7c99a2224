#!/bin/sh
# Removes exported drafts older than 30 days. Not a document: the uploader skips .sh files.
find "${1:-.}" -name '*.draft' -mtime +30 -delete

#!/usr/bin/env python3
"""The baseline the folder uploader is measured against (docs/benchmarks.md): the vendor's documented way of
uploading a folder, written plainly with `requests` and a `ThreadPoolExecutor`.

Walks --files-dir, uploads every file with its file URI as external id (one POST per file, no look-up), with
--batch-size uploads in flight, then follows processing the way the vendor's upload guide shows (listing each
upload session's files) until every uploaded document has a final status. Prints one JSON line of counts.

    PARADIGM_BASE_URL=... PARADIGM_API_KEY=... python3 python_batch_upload.py --files-dir DIR --workspace-id 101
"""
import argparse
import json
import os
import pathlib
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from requests.adapters import HTTPAdapter

FINAL = {"embedded", "parsed", "parsing_failed", "embedding_failed", "fail"}

_local = threading.local()


def session(pool_size):
    if not hasattr(_local, "session"):
        s = requests.Session()
        s.mount("http://", HTTPAdapter(pool_connections=1, pool_maxsize=pool_size))
        s.mount("https://", HTTPAdapter(pool_connections=1, pool_maxsize=pool_size))
        s.headers["Authorization"] = "Bearer " + os.environ["PARADIGM_API_KEY"]
        _local.session = s
    return _local.session


def upload(base_url, workspace_id, path, pool_size):
    with open(path, "rb") as content:
        response = session(pool_size).post(
            base_url + "/api/v3/files",
            files={"file": (path.name, content)},
            data={"workspace_id": str(workspace_id),
                  "external_metadata": json.dumps({"external_id": path.absolute().as_uri()})},
            timeout=120)
    response.raise_for_status()
    document = response.json()
    return document["id"], document["upload_session_uuid"], document["status"]


def unfinished(base_url, sessions, waiting):
    """Lists every file of the sessions and drops from `waiting` those with a final status."""
    for uuid in sessions:
        url, params = base_url + "/api/v3/files", {"upload_session_uuid": uuid, "page_size": 100}
        while url:
            page = session(1).get(url, params=params, timeout=120)
            page.raise_for_status()
            body = page.json()
            for document in body["results"]:
                if document["status"] in FINAL:
                    waiting.discard(document["id"])
            url, params = body.get("next"), None
    return waiting


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--files-dir", required=True)
    parser.add_argument("--workspace-id", type=int, required=True)
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--poll-interval", type=float, default=2.0)
    args = parser.parse_args()
    base_url = os.environ.get("PARADIGM_BASE_URL", "https://paradigm.lighton.ai").rstrip("/")

    files = sorted(p for p in pathlib.Path(args.files_dir).rglob("*") if p.is_file())
    waiting, sessions, failures = set(), set(), 0
    with ThreadPoolExecutor(max_workers=args.batch_size) as pool:
        futures = [pool.submit(upload, base_url, args.workspace_id, path, args.batch_size) for path in files]
        for future in futures:
            try:
                file_id, uuid, status = future.result()
            except Exception as e:  # noqa: BLE001 - counted and reported like the uploader does
                failures += 1
                print("upload failed: %s" % e, file=sys.stderr)
                continue
            sessions.add(uuid)
            if status not in FINAL:
                waiting.add(file_id)
    while waiting:
        waiting = unfinished(base_url, sessions, waiting)
        if waiting:
            time.sleep(args.poll_interval)
    print(json.dumps({"files": len(files), "uploaded": len(files) - failures, "failures": failures}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

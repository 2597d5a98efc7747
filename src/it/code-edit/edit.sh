#!/bin/sh
# Marks where the registry's log stands, then edits one source file: edit.sh REGISTRY_LOG
set -e
wc -l < "$1" > target/log-lines-before-edit
echo 'console.log("edited");' >> lib/main.js

import dev.containerize.testing.ImageInspection

def before = ImageInspection.layerDigests("${registry}/it/code-edit:before".toString())
def after = ImageInspection.layerDigests("${registry}/it/code-edit:after".toString())
assert before.size() == after.size()
def changed = (0..<before.size()).findAll { before[it] != after[it] }
assert changed == [before.size() - 1] : "layers that changed: $changed (only the app layer may)"

// The registry received exactly two blobs after the edit: the app layer and the config.
def skip = new File(basedir, 'target/log-lines-before-edit').text.trim() as int
def uploads = new File(registryLog).readLines().drop(skip).findAll {
  it.contains('http.request.method=PUT') && it.contains('/v2/it/code-edit/blobs/uploads/')
}.collect { (it =~ /digest=(sha256(?::|%3A)[0-9a-f]{64})/)[0][1].replace('%3A', ':') }
def config = ImageInspection.manifest("${registry}/it/code-edit:after".toString())
    .get('config').get('digest').asText()
assert uploads.toSet() == [after.last(), config].toSet() : "uploaded after the edit: $uploads"
return true

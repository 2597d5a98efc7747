// Adds what git cannot hold (.git folders), then packs the package that carries secrets as a
// registry would serve it; the lockfile names the tarball without an integrity hash.
import java.nio.file.Files

def command(File dir, String... args) {
  def process = new ProcessBuilder(args).directory(dir).inheritIO().start()
  assert process.waitFor() == 0 : "${args.join(' ')} failed in ${dir}"
}

def write(String relative, String text) {
  def file = new File(basedir, relative)
  file.parentFile.mkdirs()
  file.text = text
}

command(basedir, 'git', 'init', '-q')
command(basedir, 'git', 'config', 'remote.origin.url',
    'https://x-access-token:tok-git-remote-9c41e7@github.com/acme/app.git')
write('lib/legacy/.git/config',
    '[remote "origin"]\n\turl = https://tok-nested-git-9c41e7@example.com/x\n')
write('lib/legacy/index.js', 'module.exports = "legacy";\n')
write('vendor/leaky-config/.git/config', '[credential]\n\thelper = store tok-dep-git-9c41e7\n')
command(basedir, 'tar', 'czf', 'vendor/leaky-config-1.0.0.tgz', '-C', 'vendor', 'leaky-config')
return true

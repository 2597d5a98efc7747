// Links the project's shared folder to a folder outside it, as a checkout of a monorepo might;
// links are made here because the copy of the project would not keep them.
import java.nio.file.Files

def outside = new File(basedir, '../../it-outside/link-outside-refused').canonicalFile
outside.mkdirs()
new File(outside, 'settings.json').text = '{"token": "tok-outside-the-project-4b7e"}\n'
def link = new File(basedir, 'shared').toPath()
Files.deleteIfExists(link)
Files.createSymbolicLink(link, outside.toPath())
return true

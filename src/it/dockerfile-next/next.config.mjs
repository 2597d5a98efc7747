/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  // A fixed build ID, so that the two builds of this test (by the plugin and from the generated
  // Dockerfile) name their .next/static folders alike and their file lists can be compared.
  generateBuildId: async () => 'it-dockerfile-next',
};

export default nextConfig;

// Compiled only to make the precompiled Catch2 header that every test
// executable reuses (tests/CMakeLists.txt, docconv-test-pch).

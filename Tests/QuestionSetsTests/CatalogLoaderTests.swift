import Testing
@testable import QuestionSets

@Suite struct CatalogLoaderTests {
    @Test func missingFolderIsADataFileError() {
        #expect(throws: (any Error).self) { try CatalogLoader.load(directory: "/nonexistent/question-sets") }
    }
}
